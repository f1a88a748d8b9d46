/** reports.operators — the organization's operators that exist in the chat: the report's operator filter. */
import { z } from "zod";
import { orgProcedure } from "@/server/api/trpc";
import { reportOperators } from "@/server/reports/satisfaction";

export const ZReportOperatorsOutput = z.array(z.object({ id: z.string(), name: z.string() }));

export const operators = orgProcedure.output(ZReportOperatorsOutput).query(async ({ ctx }) => {
  const rows = await reportOperators(ctx.db, ctx.org.id);
  return rows.map((r) => ({ id: r.id, name: r.name })).sort((a, b) => a.name.localeCompare(b.name, "pt-BR"));
});
