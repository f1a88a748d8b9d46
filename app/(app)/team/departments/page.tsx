import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { getQueryClient, HydrateClient, serverCaller, trpc } from "@/lib/trpc/server";
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
  const { capabilities } = await (await serverCaller()).provider.capabilities();
  // A backend without departments (CDP): say so instead of an empty page that cannot work.
  if (!capabilities.departments) {
    return (
      <section className="flex flex-col gap-6">
        <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
        <Alert tone="info">
          <span data-testid="departments-not-available">{t("notAvailable")}</span>{" "}
          <Link href="/team/operators" className="font-semibold underline">
            {t("goToOperators")}
          </Link>
        </Alert>
      </section>
    );
  }
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
