import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { fetchForPage, getQueryClient, HydrateClient, trpc } from "@/lib/trpc/server";
import { PlanView } from "./plan-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("plan"))("metaTitle") };
}

/**
 * Plano e assinatura: the trial's days left or the subscription (seats and monthly total), changing
 * seats with the price and a confirmation, cancelling with a reason, and the history of changes from
 * the audit log. Read from the portal's record (the vendor has no GET); admins change, members read.
 * A backend that sells no subscription through the portal (CDP) gets a plain sentence.
 */
export default async function PlanPage() {
  const t = await getTranslations("plan");
  const plan = await fetchForPage(trpc.plan.get.queryOptions());
  if (plan.supported && plan.accountReady) {
    const queryClient = getQueryClient();
    await Promise.all([
      queryClient.prefetchQuery(trpc.plan.history.queryOptions()),
      queryClient.prefetchQuery(trpc.plan.pricing.queryOptions()),
    ]);
  }
  return (
    <HydrateClient>
      <ClientMessages namespaces={["plan", "onboarding.plan", "onboarding.validation"]}>
        <section className="flex flex-col gap-6">
          <PageHeader title={t("title")} description={plan.supported ? t("description") : undefined} />
          {!plan.supported ? (
            <Card data-testid="plan-unsupported">{t("unsupported")}</Card>
          ) : !plan.accountReady ? (
            <Card>
              <p className="text-sm text-slate-800">{t("accountMissing")}</p>
              {plan.canEdit && (
                <Link href="/onboarding" className="mt-3 inline-block text-sm font-semibold text-brand-800 underline">
                  {t("goToSetup")}
                </Link>
              )}
            </Card>
          ) : (
            <PlanView />
          )}
        </section>
      </ClientMessages>
    </HydrateClient>
  );
}
