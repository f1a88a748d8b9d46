/**
 * The team area's access table (app/(app)/team/access.ts): who may open which page, and that the
 * folders agree with it — the pages for owners and admins sit behind the (admin) layout's gate.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { canOpenTeamPage, TEAM_PAGES, type TeamPage } from "@/app/(app)/team/access";
import { managesTeam } from "@/lib/roles";

const TEAM_DIR = path.resolve(import.meta.dirname, "../../app/(app)/team");
const pages = Object.keys(TEAM_PAGES) as TeamPage[];

describe("team page access", () => {
  it("members may read operators, departments and members, and nothing else", () => {
    expect(pages.filter((p) => canOpenTeamPage(p, "member")).sort()).toEqual(["departments", "members", "operators"]);
  });

  it("owners and admins may open every team page", () => {
    for (const role of ["owner", "admin"] as const) {
      expect(pages.filter((p) => canOpenTeamPage(p, role)).sort()).toEqual([
        "audit",
        "departments",
        "import",
        "members",
        "operators",
        "sync",
      ]);
    }
  });

  it("only owners and admins manage the team", () => {
    expect(managesTeam("owner")).toBe(true);
    expect(managesTeam("admin")).toBe(true);
    expect(managesTeam("member")).toBe(false);
  });

  it("every page for admins lives behind the (admin) gate, and every other page outside it", () => {
    const gated = readdirSync(path.join(TEAM_DIR, "(admin)"), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(gated).toEqual(pages.filter((p) => TEAM_PAGES[p] === "admins").sort());
    for (const page of pages) {
      const dir = TEAM_PAGES[page] === "admins" ? path.join(TEAM_DIR, "(admin)", page) : path.join(TEAM_DIR, page);
      expect(existsSync(path.join(dir, "page.tsx")), `${page}/page.tsx`).toBe(true);
    }
  });

  it("every team page folder is in the table", () => {
    const open = readdirSync(TEAM_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith("("))
      .map((d) => d.name)
      .sort();
    expect(open).toEqual(pages.filter((p) => TEAM_PAGES[p] === "everyone").sort());
  });
});
