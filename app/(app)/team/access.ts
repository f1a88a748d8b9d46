/**
 * Who may open each page of the team area — the one table the navigation and the gate read.
 * "admins" means owners and administrators; members may read the others (without changing
 * anything). The pages for "admins" live in the `(admin)` route group, whose layout is the gate;
 * tests/team/access.test.ts checks the folders match this table.
 */
import { managesTeam, type MemberRole } from "@/lib/roles";

export type TeamPageAccess = "everyone" | "admins";

export const TEAM_PAGES = {
  operators: "everyone",
  departments: "everyone",
  members: "everyone",
  audit: "admins",
  import: "admins",
  sync: "admins",
} as const satisfies Record<string, TeamPageAccess>;

export type TeamPage = keyof typeof TEAM_PAGES;

/** What a team page may offer (./current-role.ts: currentTeamAccess). */
export interface TeamAccess {
  /** Owners and administrators — not platform staff under support access, who only look. */
  canManage: boolean;
  /** A member reads the page: it says why nothing can be changed (support access has its banner). */
  member: boolean;
}

/** Whether someone with `role` may open the team page `page`. */
export function canOpenTeamPage(page: TeamPage, role: MemberRole): boolean {
  return TEAM_PAGES[page] === "everyone" || managesTeam(role);
}
