/**
 * The Relatórios inputs: one schema each for the page (its address), the procedures and the CSV
 * route. Periods are Brasília calendar days (lib/reports/range.ts).
 */
import { z } from "zod";
import { daysIn, MAX_REPORT_DAYS } from "@/lib/reports/range";

const ZRangeFields = z.strictObject({
  from: z.iso.date({ error: "validation.required" }),
  to: z.iso.date({ error: "validation.required" }),
  /** One operator's attendances (the portal's operator id); everyone's when absent. */
  operator: z.uuid({ error: "validation.invalid" }).optional(),
});

export const ZSatisfactionReportInput = ZRangeFields.refine((r) => r.from <= r.to, {
  message: "validation.reportRangeOrder",
  path: ["to"],
}).refine((r) => daysIn(r) <= MAX_REPORT_DAYS, {
  message: "validation.reportRangeTooLong",
  path: ["from"],
});
export type TSatisfactionReportInput = z.infer<typeof ZSatisfactionReportInput>;

/** An attendance number, as people type it on the page. */
export const ZTicketInput = z.strictObject({
  ticket: z.number({ error: "validation.invalid" }).int().min(1).max(2_147_483_647),
});
