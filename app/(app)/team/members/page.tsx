import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, trpc } from "@/lib/trpc/server";
import { MembersView } from "./members-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("team.members"))("title") };
}

export default async function MembersPage() {
  const t = await getTranslations("team.members");
  const queryClient = getQueryClient();
  const data = await queryClient.fetchQuery(trpc.team.members.queryOptions());
  if (data.myRole !== "member") await queryClient.prefetchQuery(trpc.team.invitations.queryOptions());
  return (
    <HydrateClient>
      <section className="flex flex-col gap-6">
        <header>
          <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
          <p className="mt-1 text-slate-600">{t("subtitle")}</p>
        </header>
        <MembersView />
      </section>
    </HydrateClient>
  );
}
