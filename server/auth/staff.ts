/**
 * Platform staff: the integrator's own people, who use the console at /admin. Staff is a flag on
 * the user (`users.is_staff`), not an organization role, set by `npm run staff:grant` or by
 * PLATFORM_STAFF_EMAILS. Staff must have two-factor sign-in on before the console opens
 * (server/api/trpc.ts's staffProcedure, app/(console)/admin/layout.tsx).
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { env } from "@/server/config/env";
import type { Db } from "@/server/db/client";
import { users } from "@/server/db/schema";

/** A staff account as the console sees it. */
export interface StaffMember {
  userId: string;
  email: string;
  name: string;
  /** Two-factor sign-in is on: the console refuses staff without it. */
  twoFactorEnabled: boolean;
}

/** The staff account of `userId`, or null when that user is not staff (or does not exist). */
export async function loadStaff(db: Db, userId: string): Promise<StaffMember | null> {
  const [row] = await db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      isStaff: users.isStaff,
      twoFactorEnabledAt: users.twoFactorEnabledAt,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!row?.isStaff) return null;
  return { userId: row.userId, email: row.email, name: row.name, twoFactorEnabled: row.twoFactorEnabledAt !== null };
}

export type StaffChange = "granted" | "revoked" | "unchanged" | "no_account";

/** Marks (or unmarks) the account with this e-mail as staff. Idempotent: a second run says "unchanged". */
export async function setStaff(db: Db, email: string, isStaff: boolean): Promise<StaffChange> {
  const address = email.trim().toLowerCase();
  const [user] = await db
    .select({ id: users.id, isStaff: users.isStaff })
    .from(users)
    .where(eq(sql`lower(${users.email})`, address))
    .limit(1);
  if (!user) return "no_account";
  if (user.isStaff === isStaff) return "unchanged";
  await db.update(users).set({ isStaff, updatedAt: new Date() }).where(eq(users.id, user.id));
  return isStaff ? "granted" : "revoked";
}

/** The addresses of PLATFORM_STAFF_EMAILS ("a@x.com, b@y.com"), lower-cased, without blanks. */
export function parseStaffEmails(value: string | undefined): string[] {
  return [
    ...new Set(
      (value ?? "")
        .split(",")
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

/**
 * Grants staff to every existing account among `emails` (not yet staff): run once at start
 * (server/background.ts) for PLATFORM_STAFF_EMAILS. Accounts created later with a listed address
 * are staff from their first row (`isListedStaff` at sign-up and at an invitation's new account).
 * Never revokes: `staff:revoke` does, and the address must also leave the list, or the next start
 * grants it again. Returns how many accounts became staff.
 */
export async function grantListedStaff(db: Db, emails: readonly string[]): Promise<number> {
  if (emails.length === 0) return 0;
  const granted = await db
    .update(users)
    .set({ isStaff: true, updatedAt: new Date() })
    .where(and(inArray(sql`lower(${users.email})`, [...emails]), eq(users.isStaff, false)))
    .returning({ id: users.id });
  return granted.length;
}

/** PLATFORM_STAFF_EMAILS as read at start. */
export function listedStaffEmails(): string[] {
  // process.env first: tests and scripts set it after this module loaded.
  return parseStaffEmails(process.env.PLATFORM_STAFF_EMAILS ?? env.PLATFORM_STAFF_EMAILS);
}

/** A new account with this address is staff from the start (it is in PLATFORM_STAFF_EMAILS). */
export function isListedStaff(email: string): boolean {
  return listedStaffEmails().includes(email.trim().toLowerCase());
}
