/**
 * The tab title of a page for owners and administrators: its own, or "Sem acesso" for a member
 * (who gets ../forbidden.tsx from the layout; the page's own generateMetadata would still name it).
 */
import "server-only";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { managesTeam } from "@/lib/roles";
import { currentTeamRole } from "../current-role";

export async function adminPageMetadata(namespace: "team.audit" | "import" | "sync"): Promise<Metadata> {
  const allowed = managesTeam(await currentTeamRole());
  return { title: (await getTranslations(allowed ? namespace : "team.forbidden"))("title") };
}
