/** The signed-in user's role in the organization the team pages act for (React-cached lookups). */
import "server-only";
import { redirect } from "next/navigation";
import { currentOrgScope } from "@/server/auth/current-org";
import { currentSession } from "@/server/auth/current";
import { mayChangeOrganization, type MemberRole } from "@/lib/roles";
import type { TeamAccess } from "./access";

async function currentScope() {
  const session = await currentSession();
  if (!session) redirect("/sign-in");
  const scope = await currentOrgScope(session.userId);
  if (!scope) redirect("/sign-in");
  return scope;
}

export async function currentTeamRole(): Promise<MemberRole> {
  return (await currentScope()).membership.role;
}

/**
 * What the page may offer: `canManage` (owners and admins, not platform staff under support
 * access) and whether a member reads it (the pages say why nothing can be changed; support
 * access has its own banner).
 */
export async function currentTeamAccess(): Promise<TeamAccess> {
  const scope = await currentScope();
  return {
    canManage: mayChangeOrganization(scope),
    member: scope.membership.role === "member",
  };
}
