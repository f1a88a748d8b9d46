ALTER TABLE "audit_log" ADD COLUMN "actor_kind" text DEFAULT 'system' NOT NULL;--> statement-breakpoint
UPDATE "audit_log" SET "actor_kind" = 'user' WHERE "actor_user_id" IS NOT NULL;
