ALTER TABLE "vendor_accounts" ADD COLUMN "whatsapp_available" boolean;--> statement-breakpoint
ALTER TABLE "vendor_accounts" ADD COLUMN "whatsapp_checked_at" timestamp with time zone;