/**
 * Runs on every navigation inside the signed-in area (a layout does not re-run on client-side
 * navigation; a template does): owners and admins whose organization requires two-factor
 * sign-in go to Minha conta to turn it on first.
 */
import { redirect } from "next/navigation";
import { currentOrgScope } from "@/server/auth/current-org";
import { currentSession } from "@/server/auth/current";
import { enforceTwoFactorEnrolment } from "@/server/auth/two-factor-gate";

export default async function AppTemplate({ children }: { children: React.ReactNode }) {
  const session = await currentSession();
  if (!session) redirect("/sign-in");
  const scope = await currentOrgScope(session.userId);
  if (scope) await enforceTwoFactorEnrolment(session, scope);
  return <>{children}</>;
}
