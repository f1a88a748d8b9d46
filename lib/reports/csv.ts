/**
 * The satisfaction report as a CSV a Brazilian spreadsheet opens as is: UTF-8 with a BOM (so
 * Excel reads "João" right), `;` between fields, dates as dd/mm/aaaa hh:mm in Brasília time and
 * decimals with a comma (4,5). One row per attendance, in the order given.
 */
import type { ReportEntry } from "./types";

export const CSV_BOM = "\uFEFF";
const SEPARATOR = ";";
const BRASILIA_OFFSET_MS = 3 * 60 * 60 * 1000;

/** The column titles, in the person's language (messages: reports.csv.*). */
export interface CsvHeaders {
  number: string;
  customer: string;
  phone: string;
  started: string;
  finished: string;
  durationMinutes: string;
  operators: string;
  rating: string;
  observation: string;
}

const COLUMNS: ReadonlyArray<keyof CsvHeaders> = [
  "number",
  "customer",
  "phone",
  "started",
  "finished",
  "durationMinutes",
  "operators",
  "rating",
  "observation",
];

const pad = (n: number) => String(n).padStart(2, "0");

/** dd/mm/aaaa hh:mm in Brasília time (UTC−3); empty for no moment. */
export function formatCsvDate(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return "";
  const d = new Date(ms - BRASILIA_OFFSET_MS);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** A number with a decimal comma and at most `digits` decimals, no thousands separator (4,5; 12; 0,25). */
export function formatCsvNumber(value: number | null, digits = 1): string {
  if (value === null || !Number.isFinite(value)) return "";
  const fixed = value.toFixed(digits).replace(/\.?0+$/, "");
  return (fixed === "-0" ? "0" : fixed).replace(".", ",");
}

/**
 * One field: quoted when it holds the separator, a quote or a line break; a leading = + - @ (or
 * tab/CR) gets an apostrophe so a spreadsheet never runs a customer's comment as a formula.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function reportCsv(entries: readonly ReportEntry[], headers: CsvHeaders): string {
  const lines = [COLUMNS.map((c) => csvField(headers[c])).join(SEPARATOR)];
  for (const e of entries) {
    const duration = e.startTime !== null && e.endTime !== null ? Math.max(0, e.endTime - e.startTime) / 60_000 : null;
    const cells = [
      e.attendanceNumber === null ? "" : String(e.attendanceNumber),
      e.customerName ?? "",
      e.customerPhone ?? "",
      formatCsvDate(e.startTime),
      formatCsvDate(e.endTime),
      formatCsvNumber(duration),
      e.operators.map((o) => o.name).join(", "),
      formatCsvNumber(e.rating),
      e.observation ?? "",
    ];
    lines.push(cells.map(csvField).join(SEPARATOR));
  }
  return `${CSV_BOM}${lines.join("\r\n")}\r\n`;
}
