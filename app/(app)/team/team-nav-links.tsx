import { getTranslations } from "next-intl/server";
import { NavLink } from "@/components/layout/nav-link";
import type { MemberRole } from "@/server/db/schema";

/** The team area's entries in the main navigation; admin-only pages are hidden from members. */
const LINKS: ReadonlyArray<{ href: string; key: "members" | "audit" | "operators" | "departments"; adminOnly: boolean }> = [
  { href: "/team/operators", key: "operators", adminOnly: false },
  { href: "/team/departments", key: "departments", adminOnly: false },
  { href: "/team/members", key: "members", adminOnly: false },
  { href: "/team/audit", key: "audit", adminOnly: true },
];

export async function TeamNavLinks({ role }: { role: MemberRole }) {
  const t = await getTranslations("team.nav");
  return LINKS.filter((l) => !l.adminOnly || role !== "member").map((l) => (
    <NavLink key={l.href} href={l.href}>
      {t(l.key)}
    </NavLink>
  ));
}
