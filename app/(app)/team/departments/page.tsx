import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { getQueryClient, HydrateClient, serverCaller, trpc } from "@/lib/trpc/server";
import { currentTeamAccess } from "../current-role";
import { DepartmentsView } from "./departments-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("team.departments"))("title") };
}

export default async function DepartmentsPage() {
  const access = await currentTeamAccess();
  const t = await getTranslations("team.departments");
  const { capabilities } = await (await serverCaller()).provider.capabilities();
  // A backend without departments (CDP): say so instead of an empty page that cannot work.
  if (!capabilities.departments) {
    return (
      <section className="flex flex-col gap-6">
        <PageHeader title={t("title")} />
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
  await queryClient.prefetchQuery(trpc.departments.summary.queryOptions());
  return (
    <HydrateClient>
      <section className="flex flex-col gap-6">
        <PageHeader title={t("title")} description={t("subtitle")} />
        <DepartmentsView access={access} />
      </section>
    </HydrateClient>
  );
}
