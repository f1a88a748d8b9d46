import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, trpc } from "@/lib/trpc/server";
import { currentOrgScope } from "@/server/auth/current-org";
import { currentSession } from "@/server/auth/current";
import { DepartmentsView } from "./departments-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("team.departments"))("title") };
}

export default async function DepartmentsPage() {
  const session = await currentSession();
  const scope = session ? await currentOrgScope(session.userId) : null;
  const t = await getTranslations("team.departments");
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.team.departmentsSummary.queryOptions());
  return (
    <HydrateClient>
      <section className="flex flex-col gap-6">
        <header>
          <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
          <p className="mt-1 text-slate-600">{t("subtitle")}</p>
        </header>
        <DepartmentsView canManage={scope?.membership.role !== "member"} />
      </section>
    </HydrateClient>
  );
}
