/** Console test plumbing: platform staff members (with or without two-factor) and their callers. */
import { eq } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import type { savePlatformSettings } from "@/server/platform/settings";
import { users } from "@/server/db/schema";
import type { ChatProvider } from "@/server/providers/types";
import { callerFor, createMember, type TestMember } from "../helpers/context";

/**
 * A platform staff account (a member of an organization of its own, as every sign-up is). Two-factor
 * is on unless `twoFactor: false`: what a confirmed enrolment leaves (tests/auth/two-factor.test.ts enrols for real).
 */
export async function createStaff(db: Db, opts: { twoFactor?: boolean; name?: string } = {}): Promise<TestMember> {
  const member = await createMember(db, { role: "owner", name: opts.name ?? "Ana da Plataforma" });
  const twoFactor = opts.twoFactor !== false;
  await db
    .update(users)
    .set({ isStaff: true, twoFactorEnabledAt: twoFactor ? new Date() : null })
    .where(eq(users.id, member.session.userId));
  member.session = { ...member.session, twoFactorEnabled: twoFactor };
  return member;
}

/** A caller acting as `staff` (no organization claimed: the console names its organization in each input). */
export function staffCaller(db: Db, staff: TestMember, provider?: ChatProvider) {
  return callerFor({ db, member: staff, orgHint: null, provider });
}

/**
 * Staff save a new product name in Configuração da plataforma, nothing else changed. `save` is the
 * module's savePlatformSettings (a test may pass another copy of the module's).
 */
export async function saveProductName(
  save: typeof savePlatformSettings,
  db: Db,
  staff: TestMember,
  productName: string,
): Promise<void> {
  await save(
    db,
    { userId: staff.session.userId, name: staff.session.name },
    { productName, primaryColor: "", supportEmail: "", pricePerSeat: "", logo: { kind: "keep" }, reason: "marca nova" },
  );
}
