import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { getQueryClient, HydrateClient, trpc } from "@/lib/trpc/server";
import { AuditView } from "./audit-view";
import { parseAuditFilters } from "./filters";
import { adminPageMetadata } from "../metadata";

export function generateMetadata(): Promise<Metadata> {
  return adminPageMetadata("team.audit");
}

/** Owners and admins only: ../layout.tsx is the gate (the procedures refuse members too). */
export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const t = await getTranslations("team.audit");
  const filters = parseAuditFilters(
    new URLSearchParams(
      Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])),
    ),
  );
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.audit.list.queryOptions(filters)),
    queryClient.prefetchQuery(trpc.audit.actions.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <section className="flex flex-col gap-6">
        <PageHeader title={t("title")} description={t("subtitle")} />
        <AuditView />
      </section>
    </HydrateClient>
  );
}
