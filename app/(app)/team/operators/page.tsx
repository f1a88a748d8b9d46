import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, serverCaller, trpc } from "@/lib/trpc/server";
import { currentOrgScope } from "@/server/auth/current-org";
import { currentSession } from "@/server/auth/current";
import { DEFAULT_OPERATOR_FILTERS } from "./filters";
import { OperatorsView } from "./operators-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("team.operators"))("title") };
}

export default async function OperatorsPage() {
  const session = await currentSession();
  const scope = session ? await currentOrgScope(session.userId) : null;
  const t = await getTranslations("team.operators");
  const queryClient = getQueryClient();
  // The table and the dialog show what the chat backend has (departments, login, e-mail, roles).
  const { capabilities, roleCodes } = await (await serverCaller()).provider.capabilities();
  await Promise.all([
    queryClient.prefetchQuery(trpc.team.operatorsPage.queryOptions(DEFAULT_OPERATOR_FILTERS)),
    ...(capabilities.departments ? [queryClient.prefetchQuery(trpc.departments.list.queryOptions())] : []),
  ]);
  return (
    <HydrateClient>
      <section className="flex flex-col gap-6">
        <header>
          <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
          <p className="mt-1 text-slate-600">{t("subtitle")}</p>
        </header>
        <OperatorsView canManage={scope?.membership.role !== "member"} capabilities={capabilities} roleCodes={roleCodes} />
      </section>
    </HydrateClient>
  );
}
