ALTER TABLE "onboarding_states" ADD COLUMN "step_entered_at" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "failures_resolved_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "organizations_created_idx" ON "organizations" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "organizations_name_idx" ON "organizations" USING btree (lower("name"),"id");--> statement-breakpoint
CREATE INDEX "users_email_prefix_idx" ON "users" USING btree (lower("email") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "departments_not_synced_idx" ON "departments" USING btree ("updated_at") WHERE "departments"."state" <> 'synced';--> statement-breakpoint
CREATE INDEX "operators_not_synced_idx" ON "operators" USING btree ("updated_at") WHERE "operators"."state" <> 'synced';