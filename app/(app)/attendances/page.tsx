import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getQueryClient, HydrateClient, serverCaller, trpc } from "@/lib/trpc/server";
import { AttendancesView } from "./attendances-view";
import { parseAttendanceFilters, withoutCursor } from "./filters";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("attendances"))("title") };
}

/** Everyone in the organization reads it; the procedures mask phones for members. */
export default async function AttendancesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const t = await getTranslations("attendances");
  const { capabilities } = await (await serverCaller()).provider.capabilities();
  if (!capabilities.attendanceWebhooks) {
    return (
      <section className="flex flex-col gap-4">
        <PageHeader title={t("title")} />
        <Card>{t("notSupported")}</Card>
      </section>
    );
  }
  const filters = parseAttendanceFilters(
    new URLSearchParams(
      Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])),
    ),
  );
  const tileFilters = withoutCursor(filters);
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.attendances.list.queryOptions(filters)),
    queryClient.prefetchQuery(trpc.attendances.options.queryOptions()),
    queryClient.prefetchQuery(trpc.attendances.tiles.queryOptions(tileFilters)),
  ]);
  return (
    <HydrateClient>
      <section className="flex flex-col gap-6">
        <PageHeader title={t("title")} description={t("subtitle")} />
        <AttendancesView />
      </section>
    </HydrateClient>
  );
}
