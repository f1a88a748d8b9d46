"use client";
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { useTRPC } from "@/lib/trpc/react";
import type { TAttendanceFilters } from "@/lib/validation/attendances";
import { useDuration } from "./use-duration";

interface Figures {
  attendances: number;
  averageRating: number | null;
  averageDurationMs: number | null;
  p90DurationMs: number | null;
}

/** Today's and the period's figures (computed in SQL by attendances.tiles), refreshed while live. */
export function AttendanceTiles({ filters, live }: { filters: TAttendanceFilters; live: boolean }) {
  const t = useTranslations("attendances.tiles");
  const format = useFormatter();
  const trpc = useTRPC();
  const { data } = useQuery({
    ...trpc.attendances.tiles.queryOptions(filters),
    refetchInterval: live ? 10_000 : false,
  });
  if (!data) return null;
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "short", timeZone: "UTC" });
  return (
    <section aria-label={t("label")} className="grid gap-4 md:grid-cols-2">
      <FigureCard title={t("today")} figures={data.today} testId="tiles-today" />
      <FigureCard
        title={t("period", { from: day(data.period.from), to: day(data.period.to) })}
        figures={data.period}
        testId="tiles-period"
      />
    </section>
  );
}

function FigureCard({ title, figures, testId }: { title: string; figures: Figures; testId: string }) {
  const t = useTranslations("attendances.tiles");
  const format = useFormatter();
  const duration = useDuration();
  const items: Array<[string, string]> = [
    [t("attendances"), format.number(figures.attendances)],
    [
      t("averageRating"),
      figures.averageRating === null
        ? t("none")
        : t("ratingOf", { rating: format.number(figures.averageRating, { maximumFractionDigits: 1 }) }),
    ],
    [t("averageDuration"), figures.averageDurationMs === null ? t("none") : duration(figures.averageDurationMs)],
    [t("p90Duration"), figures.p90DurationMs === null ? t("none") : duration(figures.p90DurationMs)],
  ];
  return (
    <Card title={title} titleAs="h2" padding="md" data-testid={testId}>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-3">
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
