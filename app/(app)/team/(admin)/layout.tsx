import { forbidden } from "next/navigation";
import { managesTeam } from "@/lib/roles";
import { currentTeamRole } from "../current-role";

/**
 * The one gate of the team pages for owners and administrators (audit, import, sync): a member
 * gets ../forbidden.tsx ("Sem acesso", HTTP 403). A route group rather than a check on the path
 * in team/layout.tsx: a layout is not told the path and does not re-run when the browser moves
 * between sibling pages, so entering this group is what reliably runs the check.
 */
export default async function TeamAdminLayout({ children }: { children: React.ReactNode }) {
  if (!managesTeam(await currentTeamRole())) forbidden();
  return <>{children}</>;
}
