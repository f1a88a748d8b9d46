CREATE TABLE "attendances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"attendance_number" integer NOT NULL,
	"customer_name" text,
	"customer_phone" text,
	"department" text,
	"operator" text,
	"status" text NOT NULL,
	"rating" integer,
	"rating_observation" text,
	"messages" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"duration_ms" integer,
	"search_text" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attendances" ADD CONSTRAINT "attendances_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "attendances_number_unique" ON "attendances" USING btree ("organization_id","attendance_number");--> statement-breakpoint
CREATE INDEX "attendances_list_idx" ON "attendances" USING btree ("organization_id","started_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "attendances_department_idx" ON "attendances" USING btree ("organization_id","department","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "attendances_operator_idx" ON "attendances" USING btree ("organization_id","operator","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "attendances_status_idx" ON "attendances" USING btree ("organization_id","status","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "attendances_rating_idx" ON "attendances" USING btree ("organization_id","rating","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "attendances_started_idx" ON "attendances" USING btree ("started_at");