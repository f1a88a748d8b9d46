import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, trpc } from "@/lib/trpc/server";
import { currentOrgScope } from "@/server/auth/current-org";
import { currentSession } from "@/server/auth/current";
import { AuditView } from "./audit-view";
import { parseAuditFilters } from "./filters";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("team.audit"))("title") };
}

/** Admins only: members are sent back to the team page (the procedure refuses them too). */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await currentSession();
  const scope = session ? await currentOrgScope(session.userId) : null;
  if (!scope || scope.membership.role === "member") redirect("/team/members");
  const t = await getTranslations("team.audit");
  const filters = parseAuditFilters(new URLSearchParams(Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : []))));
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.team.auditLog.queryOptions(filters)),
    queryClient.prefetchQuery(trpc.team.auditActions.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <section className="flex flex-col gap-6">
        <header>
          <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
          <p className="mt-1 text-slate-600">{t("subtitle")}</p>
        </header>
        <AuditView />
      </section>
    </HydrateClient>
  );
}
