import Link from "next/link";
import { getTranslations } from "next-intl/server";
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
    <Link key={l.href} href={l.href} className="whitespace-nowrap rounded-md px-3 py-2 text-slate-700 hover:bg-slate-100">
      {t(l.key)}
    </Link>
  ));
}
