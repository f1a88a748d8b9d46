/**
 * attendances.tiles — today's figures and the period's (the list's filters; the last 30 days when
 * no period is chosen): attendances, average rating, average and p90 duration, all in one SQL
 * aggregate each over the same indexed conditions as the list.
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import { ZAttendanceFilters, type TAttendanceFilters } from "@/lib/validation/attendances";
import { orgProcedure } from "@/server/api/trpc";
import type { Db } from "@/server/db/client";
import { attendances } from "@/server/db/schema";
import { attendanceConditions, whereAll } from "./query";

const ZFigures = z.object({
  attendances: z.number(),
  averageRating: z.number().nullable(),
  averageDurationMs: z.number().nullable(),
  p90DurationMs: z.number().nullable(),
});
export type TAttendanceFigures = z.infer<typeof ZFigures>;

export const ZAttendanceTilesOutput = z.object({
  today: ZFigures,
  period: ZFigures.extend({ from: z.iso.date(), to: z.iso.date() }),
});

const DAY_MS = 24 * 60 * 60 * 1000;
/** A Brasília calendar day (UTC−3 all year), "YYYY-MM-DD". */
export const brasiliaDay = (at: Date) => new Date(at.getTime() - 3 * 60 * 60 * 1000).toISOString().slice(0, 10);

export async function figures(db: Db, organizationId: string, f: TAttendanceFilters): Promise<TAttendanceFigures> {
  const [row] = await db
    .select({
      attendances: sql<number>`count(*)::int`,
      averageRating: sql<number | null>`avg(${attendances.rating})::float8`,
      averageDurationMs: sql<number | null>`avg(${attendances.durationMs})::float8`,
      // Ordered-set aggregates skip nulls: open attendances (no duration yet) do not count.
      p90DurationMs: sql<number | null>`percentile_cont(0.9) within group (order by ${attendances.durationMs})`,
    })
    .from(attendances)
    .where(whereAll(attendanceConditions(organizationId, f)));
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    attendances: Number(row?.attendances ?? 0),
    averageRating: num(row?.averageRating),
    averageDurationMs: num(row?.averageDurationMs),
    p90DurationMs: num(row?.p90DurationMs),
  };
}

export const tiles = orgProcedure
  .input(ZAttendanceFilters)
  .output(ZAttendanceTilesOutput)
  .query(async ({ ctx, input }) => {
    const now = new Date();
    const today = brasiliaDay(now);
    const to = input.to ?? today;
    const from = input.from ?? brasiliaDay(new Date(Date.parse(`${to}T12:00:00Z`) - 29 * DAY_MS));
    const [todays, period] = await Promise.all([
      figures(ctx.db, ctx.org.id, { ...input, from: today, to: today }),
      figures(ctx.db, ctx.org.id, { ...input, from, to }),
    ]);
    return { today: todays, period: { ...period, from, to } };
  });
