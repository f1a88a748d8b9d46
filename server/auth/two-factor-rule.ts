/**
 * The organization's two-factor rule, in one place: when it is on, owners and admins without
 * two-factor sign-in change nothing (server/api/trpc.ts refuses their mutations) and are sent
 * to enrol (server/auth/two-factor-gate.ts). Members are not affected.
 */
import type { MemberRole } from "@/lib/roles";

export function mustEnrolTwoFactor(
  session: { twoFactorEnabled: boolean },
  scope: { org: { requireTwoFactor: boolean }; membership: { role: MemberRole } },
): boolean {
  return scope.org.requireTwoFactor && scope.membership.role !== "member" && !session.twoFactorEnabled;
}
