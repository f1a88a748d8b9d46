CREATE TABLE "subscriptions" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"vendor_subscription_id" text,
	"seats" integer NOT NULL,
	"status" text NOT NULL,
	"price_per_seat_cents" integer,
	"subscribed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"cancel_note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ura_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"active" boolean NOT NULL,
	"ignore_geral" boolean NOT NULL,
	"ignore_groups" boolean NOT NULL,
	"welcome_message" text NOT NULL,
	"department_message" text NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ura_settings" ADD CONSTRAINT "ura_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ura_settings" ADD CONSTRAINT "ura_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- The wizard's plan step already recorded subscriptions (onboarding_states.data): carried over as the portal's record.
INSERT INTO "subscriptions" ("organization_id", "seats", "status", "subscribed_at", "updated_at")
SELECT "organization_id", ("data"->>'seats')::integer, 'active', "updated_at", "updated_at"
FROM "onboarding_states"
WHERE "data"->>'planChoice' = 'subscription' AND jsonb_typeof("data"->'seats') = 'number'
ON CONFLICT DO NOTHING;
