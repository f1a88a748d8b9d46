import { getTranslations } from "next-intl/server";
import type { NavItem } from "@/components/layout/main-nav";
import type { MemberRole } from "@/lib/roles";
import { currentProviderInfo } from "@/server/providers/info";
import type { ChatProviderCapabilities } from "@/server/providers/types";
import { canOpenTeamPage } from "./access";
import type { TeamPage } from "./access";

/**
 * The team area's entries in the main navigation; pages a role may not open (./access.ts) are hidden, and
 * a link with `requires` only shows when the chat provider has that capability (e.g. no
 * "Departamentos" on a backend without departments; a sync page needs `listOperators`).
 */
const LINKS: ReadonlyArray<{ href: string; requires?: keyof ChatProviderCapabilities; key: TeamPage }> = [
  { href: "/team/operators", key: "operators" },
  { href: "/team/departments", key: "departments", requires: "departments" },
  { href: "/team/members", key: "members" },
  { href: "/team/audit", key: "audit" },
  { href: "/team/import", key: "import" },
  { href: "/team/sync", key: "sync", requires: "listOperators" },
];

/** The team pages this role may open on this provider, as navigation entries. */
export async function teamNavItems(role: MemberRole): Promise<NavItem[]> {
  const [t, provider] = await Promise.all([getTranslations("team.nav"), currentProviderInfo()]);
  // Provider not configured: show every link (its page explains what is missing).
  const has = (c: keyof ChatProviderCapabilities | undefined) => !c || !provider || provider.capabilities[c];
  return LINKS.filter((l) => canOpenTeamPage(l.key, role) && has(l.requires)).map((l) => ({
    href: l.href,
    label: t(l.key),
  }));
}
