import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { CellsTable } from "@/components/console/cells-table";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { serverCaller } from "@/lib/trpc/server";
import type { TFunnelOutput } from "@/server/api/routers/console/funnel/get";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.funnel"))("title") };
}

const STEPS = ["company", "departments", "operators", "plan", "whatsapp"] as const;
const WEEKS = 8;

/** Horizontal bars, one per stage, drawn on the server (no chart code in the browser). */
function FunnelChart({
  stages,
  title,
  description,
}: {
  stages: Array<{ label: string; value: number }>;
  title: string;
  description: string;
}) {
  const max = Math.max(1, ...stages.map((s) => s.value));
  // A narrow drawing, so its words stay readable when a phone scales it down.
  const rowH = 32;
  const labelW = 112;
  const width = 360;
  const barW = width - labelW - 40;
  const height = stages.length * rowH;
  return (
    <svg
      role="img"
      aria-labelledby="funnel-chart-title funnel-chart-desc"
      viewBox={`0 0 ${width} ${height}`}
      className="h-auto w-full max-w-lg"
    >
      <title id="funnel-chart-title">{title}</title>
      <desc id="funnel-chart-desc">{description}</desc>
      {stages.map((s, i) => {
        const w = Math.round((s.value / max) * barW);
        const y = i * rowH;
        return (
          <g key={s.label}>
            <text x={0} y={y + rowH / 2 + 5} fontSize="14" fill="#334155">
              {s.label}
            </text>
            <rect x={labelW} y={y + 6} width={Math.max(w, 2)} height={rowH - 12} rx={4} fill="#15803d" />
            <text x={labelW + Math.max(w, 2) + 6} y={y + rowH / 2 + 5} fontSize="14" fill="#0f172a" fontWeight="600">
              {s.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Funil de cadastro: per week, how far companies got in the wizard; where they stop; how long each step takes. */
export default async function ConsoleFunnelPage() {
  const [t, tc, format] = await Promise.all([
    getTranslations("admin.funnel"),
    getTranslations("admin.customers"),
    getFormatter(),
  ]);
  const funnel: TFunnelOutput = await (await serverCaller()).console.funnel.get({ weeks: WEEKS });
  const stepLabel = (s: (typeof STEPS)[number] | "done") => tc(`steps.${s}`);
  const stages = [
    ...STEPS.map((s) => ({ key: s as string, label: stepLabel(s), value: funnel.totals.reached[s] })),
    { key: "done", label: stepLabel("done"), value: funnel.totals.completed },
  ];
  const pct = (part: number, whole: number) =>
    whole === 0 ? "—" : format.number(part / whole, { style: "percent", maximumFractionDigits: 0 });
  const duration = (ms: number | null) => {
    if (ms === null) return t("noData");
    const minutes = ms / 60_000;
    if (minutes < 60)
      return format.number(Math.max(1, Math.round(minutes)), { style: "unit", unit: "minute", unitDisplay: "long" });
    const hours = minutes / 60;
    if (hours < 48)
      return format.number(Math.round(hours * 10) / 10, { style: "unit", unit: "hour", unitDisplay: "long" });
    return format.number(Math.round(hours / 24), { style: "unit", unit: "day", unitDisplay: "long" });
  };

  return (
    <section className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={`${t("subtitle")} ${t("weeks", { count: WEEKS })}.`} />
      {funnel.totals.started === 0 ? (
        <Card>{t("empty")}</Card>
      ) : (
        <>
          <Card as="section" aria-labelledby="funnel-drop" padding="md" className="flex flex-col gap-4">
            <h2 id="funnel-drop" className="text-lg font-semibold text-slate-900">
              {t("dropTitle")}
            </h2>
            <FunnelChart stages={stages} title={t("chartTitle")} description={t("chartDesc")} />
            <CellsTable
              caption={t("dropTable")}
              columns={[
                { key: "from", header: t("from"), primary: true },
                { key: "to", header: t("to") },
                { key: "reached", header: t("reached") },
                { key: "lost", header: t("lost") },
                { key: "rate", header: t("rate") },
              ]}
              rows={stages.slice(0, -1).map((s, i) => {
                const next = stages[i + 1]!;
                return {
                  key: s.key,
                  testId: "funnel-drop-row",
                  cells: {
                    from: s.label,
                    to: next.label,
                    reached: s.value,
                    lost: s.value - next.value,
                    rate: pct(next.value, s.value),
                  },
                };
              })}
              empty={t("empty")}
            />
          </Card>
          <CellsTable
            caption={t("table")}
            minWidth="sm:min-w-[48rem]"
            columns={[
              { key: "week", header: t("week"), primary: true },
              { key: "started", header: t("started") },
              ...STEPS.slice(1).map((s) => ({ key: s, header: stepLabel(s) })),
              { key: "completed", header: t("completed") },
            ]}
            rows={funnel.weeks.map((w) => ({
              key: w.week,
              testId: "funnel-week-row",
              cells: {
                week: format.dateTime(new Date(`${w.week}T12:00:00-03:00`), { dateStyle: "medium" }),
                started: w.started,
                ...Object.fromEntries(STEPS.slice(1).map((s) => [s, w.reached[s]])),
                completed: `${w.completed} (${pct(w.completed, w.started)})`,
              },
            }))}
            empty={t("empty")}
          />
          <Card as="section" aria-labelledby="funnel-medians" padding="md" className="flex flex-col gap-4">
            <h2 id="funnel-medians" className="text-lg font-semibold text-slate-900">
              {t("medianTitle")}
            </h2>
            <CellsTable
              caption={t("medianTable")}
              columns={[
                { key: "step", header: t("step"), primary: true },
                { key: "median", header: t("median") },
                { key: "samples", header: t("samples") },
              ]}
              rows={STEPS.map((s) => ({
                key: s,
                cells: {
                  step: stepLabel(s),
                  median: duration(funnel.medians[s].medianMs),
                  samples: funnel.medians[s].samples,
                },
              }))}
              empty={t("empty")}
            />
            <p className="text-sm text-slate-600">{t("medianNote")}</p>
          </Card>
        </>
      )}
    </section>
  );
}
