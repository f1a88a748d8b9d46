import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { describeAuditEntry, type AuditTranslator } from "@/lib/audit/describe";
import { differenceCount } from "@/lib/sync/differences";
import { serverCaller } from "@/lib/trpc/server";
import type { TCustomerOutput } from "@/server/api/routers/console/customer/get";
import { enterSupport } from "./actions";
import { CustomerActions } from "./customer-actions";
import { DepartmentsTable, MembersTable, OperatorsTable, SyncComparisonTable } from "./customer-tables";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The customer, read once per request (the title and the page both need it). */
const load = cache(async (id: string): Promise<TCustomerOutput> => {
  if (!UUID.test(id)) notFound();
  try {
    return await (await serverCaller()).console.customer.get({ organizationId: id });
  } catch (error) {
    if ((error as { code?: string }).code === "NOT_FOUND") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const t = await getTranslations("admin.customer");
  if (!UUID.test(id)) return { title: t("notFound") };
  try {
    return { title: (await load(id)).name };
  } catch {
    return { title: t("notFound") };
  }
}

/** Cliente: one customer as platform staff see it, with Suspender/Reativar, Tentar de novo and support access. */
export default async function ConsoleCustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const customer = await load(id);
  const [t, tTeam, tSteps, format] = await Promise.all([
    getTranslations("admin.customer"),
    getTranslations("team"),
    getTranslations("onboarding.steps"),
    getFormatter(),
  ]);
  const translator: AuditTranslator = {
    t: (key, values) => tTeam(key as never, values as never),
    has: (key) => tTeam.has(key as never),
  };
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const moment = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });
  const suspended = customer.suspendedAt !== null;
  const plan =
    customer.plan.choice === "trial"
      ? t("planTrial", { days: customer.plan.trialDaysLeft ?? 0 })
      : customer.plan.choice === "subscription"
        ? t("planSubscription", { seats: customer.plan.seats ?? 0 })
        : t("planNone");
  const comparison = customer.lastSyncComparison;
  const syncDescription = !comparison
    ? t("syncNever")
    : [
        comparison.comparedBy
          ? t("syncWhen", { date: moment(comparison.comparedAt), name: comparison.comparedBy })
          : t("syncWhenNobody", { date: moment(comparison.comparedAt) }),
        differenceCount([comparison.summary.operators, comparison.summary.departments]) === 0 ? t("syncAllGood") : "",
      ]
        .filter(Boolean)
        .join(" ");
  const step = customer.onboarding.currentStep;
  const stepName = step && tSteps.has(step as never) ? tSteps(step as never) : (step ?? "—");

  return (
    <section className="flex flex-col gap-6" data-testid="console-customer">
      <Link href="/admin/customers" className="text-sm font-semibold text-brand-800 underline">
        {t("back")}
      </Link>
      <PageHeader
        title={customer.name}
        description={t("since", { date: day(customer.createdAt) })}
        actions={
          <Badge tone={suspended ? "danger" : "success"} data-testid="customer-status">
            {suspended ? t("suspendedBadge") : t("activeBadge")}
          </Badge>
        }
      />
      <Card
        title={t("actions")}
        description={suspended ? t("suspendedSince", { date: moment(customer.suspendedAt!) }) : undefined}
      >
        <CustomerActions organizationId={customer.id} name={customer.name} suspended={suspended} />
      </Card>
      <Card title={t("support")}>
        {customer.supportAccessUntil ? (
          <div className="flex flex-col items-start gap-3">
            <p className="text-sm text-slate-700">
              {t("supportActive", { until: moment(customer.supportAccessUntil) })}
            </p>
            <form action={enterSupport}>
              <input type="hidden" name="organizationId" value={customer.id} />
              <button
                type="submit"
                className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
              >
                {t("supportOpen")}
              </button>
            </form>
          </div>
        ) : (
          <p className="text-sm text-slate-700">{t("supportNone")}</p>
        )}
      </Card>
      <Card title={t("overview")}>
        <dl className="grid gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="font-medium text-slate-600">{t("plan")}</dt>
            <dd className="text-slate-900">{plan}</dd>
          </div>
          <div>
            <dt className="font-medium text-slate-600">{t("onboarding")}</dt>
            <dd className="text-slate-900">
              {customer.onboarding.completedAt ? t("onboardingDone") : t("onboardingStep", { step: stepName })}
            </dd>
          </div>
          <div>
            <dt className="font-medium text-slate-600">{t("account")}</dt>
            <dd className="flex flex-wrap items-center gap-2 text-slate-900">
              {customer.account ? (
                <>
                  <Badge tone={customer.account.state === "synced" ? "success" : "warning"}>
                    {t(`states.${customer.account.state}`)}
                  </Badge>
                  {customer.account.vendorAccountId && (
                    <code className="break-all text-xs">{customer.account.vendorAccountId}</code>
                  )}
                </>
              ) : (
                t("accountNone")
              )}
            </dd>
          </div>
        </dl>
      </Card>
      <Card title={t("operators")}>
        <OperatorsTable rows={customer.operators} suspended={suspended} />
      </Card>
      <Card title={t("departments")}>
        <DepartmentsTable rows={customer.departments} />
      </Card>
      <Card title={t("syncTitle")} description={syncDescription}>
        {comparison && <SyncComparisonTable summary={comparison.summary} />}
      </Card>
      <Card title={t("members")}>
        <MembersTable rows={customer.members} />
      </Card>
      <Card title={t("history")}>
        {customer.suspensions.length === 0 ? (
          <p className="text-sm text-slate-600">{t("historyEmpty")}</p>
        ) : (
          <ul className="flex flex-col gap-2 text-sm" data-testid="suspension-history">
            {customer.suspensions.map((entry) => {
              const d = describeAuditEntry(translator, entry);
              return (
                <li key={entry.id}>
                  <span className="text-slate-600">{moment(entry.createdAt)} · </span>
                  <span className="text-slate-900">{d.sentence}</span>
                  {d.reason && <span className="block text-slate-600">{d.reason}</span>}
                </li>
              );
            })}
          </ul>
        )}
      </Card>
      <Card title={t("timeline")}>
        {customer.timeline.length === 0 ? (
          <p className="text-sm text-slate-600">{t("timelineEmpty")}</p>
        ) : (
          <ol className="flex flex-col gap-2 text-sm" data-testid="customer-timeline">
            {customer.timeline.map((entry) => {
              const d = describeAuditEntry(translator, entry);
              return (
                <li key={entry.id} className="break-words">
                  <span className="text-slate-600">{moment(entry.createdAt)} · </span>
                  <span className="text-slate-900">{d.sentence}</span>
                  {d.reason && <span className="block text-slate-600">{d.reason}</span>}
                </li>
              );
            })}
          </ol>
        )}
      </Card>
    </section>
  );
}
