/**
 * The report's parts, rendered on the server: the period's totals, then each chart (SVG, from
 * components/ui/charts) with its table (components/ui/text-table) — per day, per number of
 * stars, per operator.
 */
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { BarList, ChartLegend, ColumnChart } from "@/components/ui/charts";
import { TextTable } from "@/components/ui/text-table";
import type { TSatisfactionReport } from "@/server/api/routers/reports/satisfaction";
import { averageColor, STAR_COLORS, UNRATED_COLOR } from "./colors";

type Report = TSatisfactionReport;

async function tools() {
  const [t, format] = await Promise.all([getTranslations("reports"), getFormatter()]);
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "short", timeZone: "UTC" });
  const rating = (avg: number | null) =>
    avg === null
      ? t("totals.none")
      : t("totals.ratingOf", { rating: format.number(avg, { maximumFractionDigits: 1 }) });
  const count = (n: number) => format.number(n);
  const percent = (share: number | null) =>
    share === null ? t("totals.none") : format.number(share, { style: "percent", maximumFractionDigits: 0 });
  return { t, format, day, rating, count, percent };
}

export async function TotalsSection({ report }: { report: Report }) {
  const { t, rating, count, percent } = await tools();
  const items: Array<[string, string]> = [
    [t("totals.attendances"), count(report.totals.attendances)],
    [t("totals.rated"), count(report.totals.rated)],
    [t("totals.average"), rating(report.totals.average)],
    [t("totals.satisfied"), percent(report.totals.satisfied)],
  ];
  return (
    <Card as="section" aria-label={t("totals.label")} padding="md" data-testid="report-totals">
      <dl className="grid grid-cols-2 gap-x-4 gap-y-3 md:grid-cols-4">
        {items.map(([label, value]) => (
          <div key={label} className="min-w-0">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="text-xl font-semibold text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

export async function DailyCard({ report }: { report: Report }) {
  const { t, day, rating, count } = await tools();
  const busiest = report.perDay.reduce<Report["perDay"][number] | null>(
    (best, d) => (d.attendances > (best?.attendances ?? 0) ? d : best),
    null,
  );
  const max = Math.max(0, ...report.perDay.map((d) => d.attendances));
  const withAttendances = report.perDay.filter((d) => d.attendances > 0).reverse();
  const legend = [
    ...[5, 4, 3, 2, 1].map((stars) => ({ label: t("stars", { stars }), color: STAR_COLORS[stars - 1]! })),
    { label: t("unrated"), color: UNRATED_COLOR },
  ];
  return (
    <Card
      as="section"
      title={t("daily.title")}
      description={t("daily.description")}
      padding="md"
      data-testid="report-daily"
    >
      <ColumnChart
        columns={report.perDay.map((d) => ({
          key: d.day,
          // 5 stars at the bottom, then 4 … 1, the attendances nobody rated on top.
          parts: [
            ...[4, 3, 2, 1, 0].map((i) => ({ value: d.stars[i]!, color: STAR_COLORS[i]! })),
            { value: d.attendances - d.rated, color: UNRATED_COLOR },
          ],
        }))}
        text={{
          title: t("daily.chartTitle", { from: day(report.range.from), to: day(report.range.to) }),
          description: t("daily.chartDesc", {
            rated: report.totals.rated,
            busiest: busiest ? day(busiest.day) : "none",
            count: busiest ? t("daily.axisMax", { count: busiest.attendances }) : "",
          }),
        }}
        axisTop={t("daily.axisMax", { count: max })}
        axisStart={day(report.range.from)}
        axisEnd={day(report.range.to)}
      />
      <ChartLegend items={legend} label={t("distribution.rating")} />
      <details className="group">
        <summary className="cursor-pointer text-sm font-semibold text-brand-700">
          {t("daily.tableToggle", { days: withAttendances.length })}
        </summary>
        <div className="mt-3">
          <TextTable
            caption={t("daily.table")}
            minWidth="sm:min-w-0"
            columns={[
              { key: "day", header: t("daily.day"), primary: true },
              { key: "attendances", header: t("totals.attendances"), numeric: true },
              { key: "rated", header: t("totals.rated"), numeric: true },
              { key: "average", header: t("totals.average"), numeric: true },
            ]}
            rows={withAttendances.map((d) => ({
              key: d.day,
              testId: "report-day-row",
              cells: {
                day: day(d.day),
                attendances: count(d.attendances),
                rated: count(d.rated),
                average: rating(d.average),
              },
            }))}
            empty={t("empty")}
          />
        </div>
      </details>
    </Card>
  );
}

export async function DistributionCard({ report }: { report: Report }) {
  const { t, count, format } = await tools();
  const { stars, unrated } = report.distribution;
  const rated = stars.reduce((a, b) => a + b, 0);
  const rows = [
    ...[5, 4, 3, 2, 1].map((s) => ({
      key: String(s),
      label: t("stars", { stars: s }),
      value: stars[s - 1]!,
      color: STAR_COLORS[s - 1]!,
    })),
    { key: "unrated", label: t("unrated"), value: unrated, color: UNRATED_COLOR },
  ];
  const share = (n: number, ofRated: boolean) =>
    ofRated && rated > 0 ? format.number(n / rated, { style: "percent", maximumFractionDigits: 0 }) : t("totals.none");
  return (
    <Card
      as="section"
      title={t("distribution.title")}
      description={t("distribution.description")}
      padding="md"
      data-testid="report-distribution"
    >
      <BarList
        rows={rows.map((r) => ({ ...r, display: count(r.value) }))}
        text={{
          title: t("distribution.chartTitle"),
          description: t("distribution.chartDesc", {
            summary: rows.map((r) => `${r.label}: ${count(r.value)}`).join("; "),
          }),
        }}
      />
      <TextTable
        caption={t("distribution.table")}
        minWidth="sm:min-w-0"
        columns={[
          { key: "rating", header: t("distribution.rating"), primary: true },
          { key: "count", header: t("distribution.count"), numeric: true },
          { key: "share", header: t("distribution.share"), numeric: true },
        ]}
        rows={rows.map((r) => ({
          key: r.key,
          testId: "report-distribution-row",
          cells: { rating: r.label, count: count(r.value), share: share(r.value, r.key !== "unrated") },
        }))}
      />
    </Card>
  );
}

export async function OperatorsCard({ report }: { report: Report }) {
  const { t, count, rating, format } = await tools();
  const rows = report.perOperator.map((o) => ({
    key: o.id ?? "none",
    label: o.name ?? t("operators.noOperator"),
    value: o.average ?? 0,
    color: averageColor(o.average),
    average: o.average,
    attendances: o.attendances,
    rated: o.rated,
  }));
  return (
    <Card
      as="section"
      title={t("operators.title")}
      description={t("operators.description")}
      padding="md"
      data-testid="report-operators"
    >
      {rows.length > 0 && (
        <BarList
          max={5}
          rows={rows.map((r) => ({
            key: r.key,
            label: r.label,
            value: r.value,
            color: r.color,
            display: r.average === null ? t("totals.none") : format.number(r.average, { maximumFractionDigits: 1 }),
          }))}
          text={{
            title: t("operators.chartTitle"),
            description: t("operators.chartDesc", {
              summary: rows.map((r) => `${r.label}: ${rating(r.average)}`).join("; "),
            }),
          }}
        />
      )}
      <TextTable
        caption={t("operators.table")}
        minWidth="sm:min-w-0"
        columns={[
          { key: "operator", header: t("operators.operator"), primary: true },
          { key: "attendances", header: t("totals.attendances"), numeric: true },
          { key: "rated", header: t("totals.rated"), numeric: true },
          { key: "average", header: t("totals.average"), numeric: true },
        ]}
        rows={rows.map((r) => ({
          key: r.key,
          testId: "report-operator-row",
          cells: {
            operator: r.label,
            attendances: count(r.attendances),
            rated: count(r.rated),
            average: rating(r.average),
          },
        }))}
        empty={t("operators.none")}
      />
    </Card>
  );
}
