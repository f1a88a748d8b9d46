/** What a report's attendances look like outside the server: phones formatted, masked for members. */
import { z } from "zod";
import { formatPhone, maskPhone } from "@/lib/attendances/phone";
import type { ReportEntry } from "@/lib/reports/types";

export const ZReportEntry = z.object({
  attendanceNumber: z.number().nullable(),
  customerName: z.string().nullable(),
  /** "+55 44 99999-9999"; members get "+55 44 9····-9999". */
  customerPhone: z.string().nullable(),
  startTime: z.number().nullable(),
  endTime: z.number().nullable(),
  operators: z.array(z.object({ id: z.string(), name: z.string() })),
  rating: z.number().int().min(1).max(5).nullable(),
  observation: z.string().nullable(),
});

export function presentEntry(e: ReportEntry, masked: boolean): ReportEntry {
  const phone = e.customerPhone ? (masked ? maskPhone(e.customerPhone) : formatPhone(e.customerPhone)) : null;
  return { ...e, customerPhone: phone || null };
}

/** When the chat answered, and whether it failed now (the result is then the last one it gave). */
export const ZReportFreshness = z.object({
  fetchedAt: z.date(),
  stale: z.boolean(),
  /** An app error code (messages: errors.*) when stale. */
  failure: z.string().nullable(),
});
