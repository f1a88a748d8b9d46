/**
 * An admin page's metadata. Next resolves metadata apart from the layouts, so a member would get
 * the page's own title above the "Sem acesso" page: the same check as ./layout.tsx, made here
 * too, makes Next take ../forbidden.tsx's title instead.
 */
import "server-only";
import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { canManageTeam } from "../access";
import { currentTeamRole } from "../current-role";

export async function adminPageMetadata(title: () => Promise<string>): Promise<Metadata> {
  if (!canManageTeam(await currentTeamRole())) forbidden();
  return { title: await title() };
}
