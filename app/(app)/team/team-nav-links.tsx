import { getTranslations } from "next-intl/server";
import { NavLink } from "@/components/layout/nav-link";
import type { MemberRole } from "@/lib/roles";
import { currentProviderInfo } from "@/server/providers/info";
import type { ChatProviderCapabilities } from "@/server/providers/types";

/**
 * The team area's entries in the main navigation; admin-only pages are hidden from members, and
 * a link with `requires` only shows when the chat provider has that capability (e.g. no
 * "Departamentos" on a backend without departments; a sync page needs `listOperators`).
 */
const LINKS: ReadonlyArray<{ href: string; requires?: keyof ChatProviderCapabilities; key: "members" | "audit" | "operators" | "departments" | "import" | "sync"; adminOnly: boolean }> = [
  { href: "/team/operators", key: "operators", adminOnly: false },
  { href: "/team/departments", key: "departments", adminOnly: false, requires: "departments" },
  { href: "/team/members", key: "members", adminOnly: false },
  { href: "/team/audit", key: "audit", adminOnly: true },
  { href: "/team/import", key: "import", adminOnly: true },
  { href: "/team/sync", key: "sync", adminOnly: true, requires: "listOperators" },
];

export async function TeamNavLinks({ role }: { role: MemberRole }) {
  const [t, provider] = await Promise.all([getTranslations("team.nav"), currentProviderInfo()]);
  // Provider not configured: show every link (its page explains what is missing).
  const has = (c: keyof ChatProviderCapabilities | undefined) => !c || !provider || provider.capabilities[c];
  return LINKS.filter((l) => (!l.adminOnly || role !== "member") && has(l.requires)).map((l) => (
    <NavLink key={l.href} href={l.href}>
      {t(l.key)}
    </NavLink>
  ));
}
