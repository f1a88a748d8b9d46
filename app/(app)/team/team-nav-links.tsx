import { getTranslations } from "next-intl/server";
import { NavLink } from "@/components/layout/nav-link";
import type { MemberRole } from "@/server/db/schema";
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

export async function TeamNavLinks({ role }: { role: MemberRole }) {
  const [t, provider] = await Promise.all([getTranslations("team.nav"), currentProviderInfo()]);
  // Provider not configured: show every link (its page explains what is missing).
  const has = (c: keyof ChatProviderCapabilities | undefined) => !c || !provider || provider.capabilities[c];
  return LINKS.filter((l) => canOpenTeamPage(l.key, role) && has(l.requires)).map((l) => (
    <NavLink key={l.href} href={l.href}>
      {t(l.key)}
    </NavLink>
  ));
}
