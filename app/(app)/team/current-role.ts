/** The signed-in user's role in the organization the team pages act for (React-cached lookups). */
import "server-only";
import { redirect } from "next/navigation";
import { currentOrgScope } from "@/server/auth/current-org";
import { currentSession } from "@/server/auth/current";
import type { MemberRole } from "@/server/db/schema";

export async function currentTeamRole(): Promise<MemberRole> {
  const session = await currentSession();
  if (!session) redirect("/sign-in");
  const scope = await currentOrgScope(session.userId);
  if (!scope) redirect("/sign-in");
  return scope.membership.role;
}
