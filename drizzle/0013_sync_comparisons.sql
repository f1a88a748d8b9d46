CREATE TABLE "sync_comparisons" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"compared_at" timestamp with time zone NOT NULL,
	"compared_by" uuid,
	"summary" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sync_comparisons" ADD CONSTRAINT "sync_comparisons_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_comparisons" ADD CONSTRAINT "sync_comparisons_compared_by_users_id_fk" FOREIGN KEY ("compared_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;