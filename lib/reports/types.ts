/**
 * A satisfaction report's attendance as the portal keeps it (plain JSON: epoch ms, no Dates), the
 * same for the cache, the aggregations, the CSV and the tests. Built from the provider's neutral
 * `SatisfactionEntry` (server/reports).
 */
export interface ReportEntry {
  attendanceNumber: number | null;
  customerName: string | null;
  /** Digits as the vendor sends them; masked for members before it leaves the server. */
  customerPhone: string | null;
  startTime: number | null;
  endTime: number | null;
  operators: Array<{ id: string; name: string }>;
  /** 1–5 stars; null: the customer did not rate (or the value is outside 1–5). */
  rating: number | null;
  observation: string | null;
}

/** A report's period: Brasília calendar days, inclusive, "YYYY-MM-DD". */
export interface ReportRange {
  from: string;
  to: string;
}
