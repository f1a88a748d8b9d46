/**
 * Runs on every navigation inside the signed-in area (a layout does not re-run on client-side
 * navigation; a template does): owners and admins whose organization requires two-factor
 * sign-in go to Minha conta to turn it on first; a suspended organization's people go to the
 * suspension page; and every page platform staff open under a support grant is written to the
 * customer's audit log (prefetches are not views).
 */
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { currentOrgScope } from "@/server/auth/current-org";
import { currentSession } from "@/server/auth/current";
import { recordSupportView } from "@/server/auth/current-support";
import { enforceTwoFactorEnrolment } from "@/server/auth/two-factor-gate";

export default async function AppTemplate({ children }: { children: React.ReactNode }) {
  const session = await currentSession();
  if (!session) redirect("/sign-in");
  const scope = await currentOrgScope(session.userId);
  if (scope?.org.suspendedAt && !scope.support) redirect("/suspended");
  if (scope?.support) {
    const requestHeaders = await headers();
    if (requestHeaders.get("next-router-prefetch") !== "1") {
      await recordSupportView(scope, session.userId, requestHeaders.get("x-pathname") ?? "/");
    }
  }
  if (scope) await enforceTwoFactorEnrolment(session, scope);
  return <>{children}</>;
}
