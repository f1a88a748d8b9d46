/**
 * Pages for owners and admins whose organization requires two-factor sign-in: until they turn
 * it on, every page but Minha conta sends them to its two-factor section. (The server refuses
 * their mutations anyway — server/api/trpc.ts; this is where the pages say what to do.)
 */
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { OrgScope } from "@/server/auth/org-scope";
import type { SessionUser } from "./session";
import { mustEnrolTwoFactor } from "./two-factor-rule";

export { mustEnrolTwoFactor };

/** The request's path, set by proxy.ts on every page request. */
export const PATHNAME_HEADER = "x-pathname";
export const TWO_FACTOR_ENROL_PATH = "/account#two-factor";

export async function enforceTwoFactorEnrolment(session: SessionUser, scope: OrgScope): Promise<void> {
  if (!mustEnrolTwoFactor(session, scope)) return;
  const path = (await headers()).get(PATHNAME_HEADER) ?? "";
  if (path === "/account" || path.startsWith("/account/")) return;
  redirect(TWO_FACTOR_ENROL_PATH);
}
