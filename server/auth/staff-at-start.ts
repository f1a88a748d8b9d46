/**
 * PLATFORM_STAFF_EMAILS at start: the listed accounts that already exist become staff (once per
 * process start; idempotent). Accounts created later are staff from their first row (server/auth/staff.ts).
 */
import "server-only";
import { getDb } from "@/server/db/client";
import { logger } from "@/server/log";
import { grantListedStaff, listedStaffEmails } from "./staff";

let running: Promise<void> | null = null;

export function startStaffGrant(): void {
  const emails = listedStaffEmails();
  if (emails.length === 0) return;
  running = getDb()
    .then(({ db }) => grantListedStaff(db, emails))
    .then(
      (granted) => logger.info({ listed: emails.length, granted }, "PLATFORM_STAFF_EMAILS applied"),
      (err: unknown) => logger.error({ err }, "PLATFORM_STAFF_EMAILS could not be applied"),
    );
}

export async function stopStaffGrant(): Promise<void> {
  await running;
}
