import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { getQueryClient, HydrateClient, serverCaller, trpc } from "@/lib/trpc/server";
import { currentTeamAccess } from "../current-role";
import { DEFAULT_OPERATOR_FILTERS } from "./filters";
import { OperatorsView } from "./operators-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("team.operators"))("title") };
}

export default async function OperatorsPage() {
  const access = await currentTeamAccess();
  const t = await getTranslations("team.operators");
  const queryClient = getQueryClient();
  // The table and the dialog show what the chat backend has (departments, login, e-mail, roles).
  const { capabilities, roleCodes } = await (await serverCaller()).provider.capabilities();
  await Promise.all([
    queryClient.prefetchQuery(trpc.operators.page.queryOptions(DEFAULT_OPERATOR_FILTERS)),
    ...(capabilities.departments ? [queryClient.prefetchQuery(trpc.departments.list.queryOptions())] : []),
  ]);
  return (
    <HydrateClient>
      <section className="flex flex-col gap-6">
        <PageHeader title={t("title")} description={t("subtitle")} />
        <OperatorsView access={access} capabilities={capabilities} roleCodes={roleCodes} />
      </section>
    </HydrateClient>
  );
}
