/**
 * reports.rows — the period's attendances themselves (newest first; phones masked for members and
 * for platform staff under support access), from the same cached answer as reports.satisfaction:
 * what the CSV export writes.
 */
import { z } from "zod";
import { phonesMasked } from "@/lib/roles";
import { ZSatisfactionReportInput } from "@/lib/validation/reports";
import { orgProcedure } from "@/server/api/trpc";
import { loadSatisfactionReport } from "@/server/reports/satisfaction";
import { presentEntry, ZReportEntry, ZReportFreshness } from "./present";

export const ZReportRowsOutput = ZReportFreshness.extend({ entries: z.array(ZReportEntry) });

export const rows = orgProcedure
  .input(ZSatisfactionReportInput)
  .output(ZReportRowsOutput)
  .query(async ({ ctx, input }) => {
    const report = await loadSatisfactionReport(ctx.db, ctx.provider, ctx.org.id, {
      range: { from: input.from, to: input.to },
      operatorId: input.operator ?? null,
    });
    const masked = phonesMasked(ctx);
    return {
      fetchedAt: new Date(report.fetchedAt),
      stale: report.stale,
      failure: report.failure,
      entries: report.entries.map((e) => presentEntry(e, masked)),
    };
  });
