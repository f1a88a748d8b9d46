import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { serverCaller } from "@/lib/trpc/server";
import { currentSession } from "@/server/auth/current";
import { ReconcileCard } from "./_dashboard/reconcile-card";
import { WhatsAppCard } from "./_dashboard/whatsapp-card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("metaTitle") };
}

/**
 * The dashboard; while onboarding is not completed, admins are taken to the wizard's current step.
 * Platform staff under support access see it as members do: nothing to change.
 */
export default async function DashboardPage() {
  const session = await currentSession();
  const caller = await serverCaller();
  const [me, summary, provider] = await Promise.all([
    caller.me.get(),
    caller.dashboard.summary(),
    caller.provider.capabilities(),
  ]);
  const caps = provider.capabilities;
  if (!summary.onboardingCompleted && me.canManage) redirect(`/onboarding/${summary.currentStep}`);
  const t = await getTranslations("dashboard");
  const firstName = session?.name.split(" ")[0] ?? "";
  return (
    <section className="flex flex-col gap-6">
      <PageHeader
        title={t("title", { name: firstName })}
        description={t("subtitle", { company: me.organization.name })}
        actions={
          caps.chatSdk &&
          summary.hasOwnOperator && (
            <Link
              href="/chat"
              className="inline-flex items-center rounded-lg bg-brand-700 px-4 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-brand-800"
            >
              {t("openChat")}
            </Link>
          )
        }
      />
      {!summary.onboardingCompleted && <Card>{t("inProgress")}</Card>}
      {summary.attention.length > 0 && (
        <Card className="border-warning-700/30 bg-warning-50" data-testid="attention">
          <h2 className="font-semibold text-warning-700">{t("attentionTitle")}</h2>
          <ul className="mt-2 list-disc pl-5 text-sm text-slate-800">
            {summary.attention.map((a, i) => (
              <li key={i}>{t("attentionItem", { kind: a.kind, name: a.name, state: a.state })}</li>
            ))}
          </ul>
          {me.canManage && (
            <Link href="/onboarding" className="mt-3 inline-block text-sm font-semibold text-brand-800 underline">
              {t("attentionAction")}
            </Link>
          )}
        </Card>
      )}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {!caps.accounts && summary.account && (
          <Card data-testid="summary-space">
            <h2 className="text-sm font-medium text-slate-700">{t("space")}</h2>
            <p className="mt-1 text-lg font-semibold text-slate-900">
              {summary.account.state === "synced" ? t("spaceConnected") : summary.account.state}
            </p>
          </Card>
        )}
        {caps.subscription && (
          <Card data-testid="summary-plan">
            <h2 className="text-sm font-medium text-slate-700">{t("plan")}</h2>
            <p className="mt-1 text-lg font-semibold text-slate-900">
              {summary.account?.seats
                ? t("seats", { seats: summary.account.seats })
                : t("trialLeft", { days: summary.account?.trialDaysLeft ?? 0 })}
            </p>
            <Link href="/plan" className="mt-2 inline-block text-sm font-semibold text-brand-800 underline">
              {t("seePlan")}
            </Link>
          </Card>
        )}
        {caps.departments && (
          <Card data-testid="summary-departments">
            <h2 className="text-sm font-medium text-slate-700">{t("departments")}</h2>
            <p className="mt-1 text-lg font-semibold text-slate-900">{t("activeInactive", summary.departments)}</p>
          </Card>
        )}
        <Card data-testid="summary-operators">
          <h2 className="text-sm font-medium text-slate-700">{t("operators")}</h2>
          <p className="mt-1 text-lg font-semibold text-slate-900">{t("activeInactive", summary.operators)}</p>
        </Card>
        {caps.whatsappCode && (
          <WhatsAppCard
            initial={{ available: summary.whatsappAvailable, checkedAt: summary.whatsappCheckedAt }}
            reported={summary.whatsappReported}
            accountReady={summary.account?.state === "synced"}
            canConnect={me.canManage}
          />
        )}
      </div>
      {summary.onboardingCompleted && me.canManage && <ReconcileCard />}
      {!caps.chatSdk && <p className="text-sm text-slate-700">{t("chatNoSdk")}</p>}
      {caps.chatSdk && !summary.hasOwnOperator && <p className="text-sm text-slate-700">{t("noOperator")}</p>}
    </section>
  );
}
