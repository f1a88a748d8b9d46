import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { clsx } from "clsx";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { notAfter } from "@/lib/i18n/past";
import { MAX_REPORT_DAYS, REPORT_PRESETS, rangeFromSearch } from "@/lib/reports/range";
import { serverCaller } from "@/lib/trpc/server";
import { errorSentence, failureOf, type Failure } from "./error-sentence";
import { DailyCard, DistributionCard, OperatorsCard, TotalsSection } from "./report-sections";
import { RetryButton } from "./retry-button";
import { TicketCard } from "./ticket-card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("title") };
}

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

/**
 * Relatórios: the chat's satisfaction survey for a period (presets or custom, one operator or
 * all), as server-drawn charts with their tables, a CSV of the attendances, and a lookup by
 * attendance number. Everyone in the organization reads it; phones are masked for members.
 */
export default async function ReportsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const [t, format, caller, params] = await Promise.all([
    getTranslations("reports"),
    getFormatter(),
    serverCaller(),
    searchParams,
  ]);
  const { capabilities } = await caller.provider.capabilities();
  if (!capabilities.satisfaction) {
    return (
      <section className="flex flex-col gap-4">
        <PageHeader title={t("title")} />
        <Card>{t("notSupported")}</Card>
      </section>
    );
  }

  const now = new Date();
  const { range, preset, invalid } = rangeFromSearch(
    { days: one(params.days), from: one(params.from), to: one(params.to) },
    now,
  );
  const operatorChoices = await caller.reports.operators();
  const operator = operatorChoices.find((o) => o.id === one(params.operator))?.id;
  const input = { ...range, ...(operator ? { operator } : {}) };

  let report: Awaited<ReturnType<typeof caller.reports.satisfaction>> | null = null;
  let failure: Failure | null = null;
  try {
    report = await caller.reports.satisfaction(input);
  } catch (error) {
    failure = failureOf(error);
  }
  if (failure?.code === "ACCOUNT_MISSING") {
    return (
      <section className="flex flex-col gap-4">
        <PageHeader title={t("title")} description={t("subtitle")} />
        <Card className="flex flex-col items-start gap-3">
          <p>{t("noAccount")}</p>
          <Link href="/onboarding" className="font-semibold text-brand-700 underline underline-offset-2">
            {t("noAccountLink")}
          </Link>
        </Card>
      </section>
    );
  }

  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "short", timeZone: "UTC" });
  const keep = (extra: Record<string, string>) => {
    const q = new URLSearchParams(preset ? { days: String(preset) } : { from: range.from, to: range.to });
    if (operator) q.set("operator", operator);
    for (const [k, v] of Object.entries(extra)) q.set(k, v);
    return q;
  };
  const presetHref = (days: number) => {
    const q = new URLSearchParams({ days: String(days) });
    if (operator) q.set("operator", operator);
    return `/reports?${q}`;
  };
  const csvHref = `/api/reports/satisfaction?${new URLSearchParams(input)}`;
  const age = (at: Date) => format.relativeTime(notAfter(at, now), now);
  const failureText = failure ? await errorSentence(failure) : null;
  const staleText = report?.stale && report.failure ? await errorSentence({ code: report.failure, params: {} }) : null;

  return (
    <section className="flex flex-col gap-6">
      <PageHeader
        title={t("title")}
        description={t("subtitle")}
        actions={
          report && (
            <a
              href={csvHref}
              download
              className="inline-flex items-center justify-center gap-2 rounded-lg bg-white px-4 py-2.5 text-sm font-semibold text-slate-800 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
            >
              <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="currentColor">
                <path d="M9 3h2v8l3-3 1.4 1.4L10 14.8 4.6 9.4 6 8l3 3zM4 15h12v2H4z" />
              </svg>
              {t("csv.download")}
            </a>
          )
        }
      />

      <Card as="section" aria-labelledby="report-period" padding="md" className="flex flex-col gap-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="report-period" className="text-lg font-semibold text-slate-900">
            {t("period.label")}
          </h2>
          <nav aria-label={t("period.presets")} className="flex flex-wrap gap-2">
            {REPORT_PRESETS.map((days) => (
              <Link
                key={days}
                href={presetHref(days)}
                aria-current={preset === days ? "page" : undefined}
                className={clsx(
                  "rounded-full px-3 py-1.5 text-sm font-medium ring-1 ring-inset",
                  preset === days
                    ? "bg-brand-700 text-white ring-brand-700"
                    : "bg-white text-slate-800 ring-slate-300 hover:bg-slate-50",
                )}
              >
                {t("period.days", { days })}
              </Link>
            ))}
          </nav>
        </div>
        <form
          method="get"
          action="/reports"
          className="grid items-end gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1.4fr_auto]"
        >
          <TextField label={t("period.from")} name="from" type="date" defaultValue={range.from} required />
          <TextField label={t("period.to")} name="to" type="date" defaultValue={range.to} required />
          <SelectField label={t("period.operator")} name="operator" defaultValue={operator ?? ""}>
            <option value="">{t("period.allOperators")}</option>
            {operatorChoices.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
          <Button type="submit">{t("period.apply")}</Button>
        </form>
        <p className="text-sm text-slate-600" data-testid="report-range">
          {t("period.showing", { from: day(range.from), to: day(range.to) })}
        </p>
      </Card>

      {invalid && <Alert tone="warning">{t("period.invalid", { max: MAX_REPORT_DAYS })}</Alert>}

      {failure && (
        <Alert className="flex flex-wrap items-center justify-between gap-3">
          <span data-testid="report-error">
            {t("freshness.failed")} {failureText}
          </span>
          <RetryButton label={t("freshness.retry")} />
        </Alert>
      )}
      {report?.stale && (
        <Alert tone="warning" className="flex flex-wrap items-center justify-between gap-3">
          <span data-testid="report-stale">
            {staleText} {t("freshness.stale", { age: age(report.fetchedAt) })}
          </span>
          <RetryButton label={t("freshness.retry")} />
        </Alert>
      )}
      {report && !report.stale && (
        <p className="-mt-3 text-sm text-slate-600" data-testid="report-fresh">
          {t("freshness.fresh", { age: age(report.fetchedAt) })}
        </p>
      )}

      {report && (
        <>
          <TotalsSection report={report} />
          <DailyCard report={report} />
          <div className="grid gap-6 lg:grid-cols-2">
            <DistributionCard report={report} />
            <OperatorsCard report={report} />
          </div>
        </>
      )}

      <TicketCard ticket={one(params.ticket)} keep={keep({})} />
    </section>
  );
}
