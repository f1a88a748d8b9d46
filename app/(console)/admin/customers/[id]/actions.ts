"use server";
/**
 * Entering support access from the console: only platform staff with two-factor, only while the
 * customer's grant is live. It only points the portal.org cookie at the customer; every request
 * then checks the grant again (server/auth/org-scope.ts), so an ended or expired grant opens nothing.
 */
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { ORG_COOKIE } from "@/server/api/trpc";
import { sessionCookieOptions } from "@/server/auth/cookies";
import { currentStaff } from "@/server/auth/current";
import { hasLiveSupportGrant } from "@/server/auth/current-support";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function enterSupport(formData: FormData): Promise<never> {
  const organizationId = String(formData.get("organizationId") ?? "");
  if (!UUID.test(organizationId)) forbidden();
  const staff = await currentStaff();
  if (!staff?.twoFactorEnabled) forbidden();
  if (!(await hasLiveSupportGrant(organizationId))) redirect(`/admin/customers/${organizationId}`);
  (await cookies()).set(ORG_COOKIE, organizationId, { ...sessionCookieOptions(), httpOnly: true });
  redirect("/");
}
