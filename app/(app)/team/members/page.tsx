import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { fetchForPage, getQueryClient, HydrateClient, trpc } from "@/lib/trpc/server";
import { MembersView } from "./members-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("team.members"))("title") };
}

export default async function MembersPage() {
  const t = await getTranslations("team.members");
  const queryClient = getQueryClient();
  const data = await fetchForPage(trpc.members.list.queryOptions());
  if (data.canManage) await queryClient.prefetchQuery(trpc.invitations.list.queryOptions());
  return (
    <HydrateClient>
      <section className="flex flex-col gap-6">
        <PageHeader title={t("title")} description={t("subtitle")} />
        <MembersView />
      </section>
    </HydrateClient>
  );
}
