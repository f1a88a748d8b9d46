/**
 * reports.satisfaction — the period's figures from the chat's satisfaction survey: totals, per
 * day, the distribution of stars and per operator (lib/reports/aggregate), with the answer's age;
 * a stale answer when the chat fails now and an earlier one is cached. Everyone in the
 * organization reads it.
 */
import { z } from "zod";
import { distribution, perDay, perOperator, totals } from "@/lib/reports/aggregate";
import { ZSatisfactionReportInput } from "@/lib/validation/reports";
import { orgProcedure } from "@/server/api/trpc";
import { loadSatisfactionReport } from "@/server/reports/satisfaction";
import { ZReportFreshness } from "./present";

const ZFigures = z.object({ attendances: z.number(), rated: z.number(), average: z.number().nullable() });
const ZStars = z.tuple([z.number(), z.number(), z.number(), z.number(), z.number()]);

export const ZSatisfactionReportOutput = ZReportFreshness.extend({
  range: z.object({ from: z.iso.date(), to: z.iso.date() }),
  totals: ZFigures.extend({ satisfied: z.number().nullable() }),
  perDay: z.array(ZFigures.extend({ day: z.iso.date(), stars: ZStars })),
  distribution: z.object({ stars: ZStars, unrated: z.number() }),
  perOperator: z.array(ZFigures.extend({ id: z.string().nullable(), name: z.string().nullable() })),
});
export type TSatisfactionReport = z.infer<typeof ZSatisfactionReportOutput>;

export const satisfaction = orgProcedure
  .input(ZSatisfactionReportInput)
  .output(ZSatisfactionReportOutput)
  .query(async ({ ctx, input }) => {
    const range = { from: input.from, to: input.to };
    const report = await loadSatisfactionReport(ctx.db, ctx.provider, ctx.org.id, {
      range,
      operatorId: input.operator ?? null,
    });
    return {
      fetchedAt: new Date(report.fetchedAt),
      stale: report.stale,
      failure: report.failure,
      range,
      totals: totals(report.entries),
      perDay: perDay(report.entries, range),
      distribution: distribution(report.entries),
      perOperator: perOperator(report.entries),
    };
  });
