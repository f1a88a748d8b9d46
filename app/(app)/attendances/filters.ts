/** The attendances page's filters live in the URL (shareable, survive a reload); parsed the same way on server and client. */
import type { TAttendanceListInput } from "@/lib/validation/attendances";

export type AttendanceUrlState = Omit<TAttendanceListInput, "limit">;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const text = (v: string | null, max: number) => {
  const s = (v ?? "").trim();
  // Control characters are refused by the procedure; drop them here rather than fail the page.
  return s && s.length <= max && !/[\u0000-\u001f\u007f]/.test(s) ? s : undefined;
};

export function parseAttendanceFilters(params: URLSearchParams): AttendanceUrlState {
  const status = params.get("status");
  const rating = Number(params.get("rating"));
  const cursor = params.get("after") ?? "";
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  const department = text(params.get("department"), 200);
  const operator = text(params.get("operator"), 200);
  const q = text(params.get("q"), 100);
  return {
    ...(DAY.test(from) ? { from } : {}),
    ...(DAY.test(to) ? { to } : {}),
    ...(department ? { department } : {}),
    ...(operator ? { operator } : {}),
    ...(status === "open" || status === "finished" ? { status } : {}),
    ...(Number.isInteger(rating) && rating >= 1 && rating <= 5 ? { rating } : {}),
    ...(q ? { q } : {}),
    ...(/^[A-Za-z0-9_-]{1,200}$/.test(cursor) ? { cursor } : {}),
  };
}

export function attendanceFiltersToParams(f: AttendanceUrlState): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q) p.set("q", f.q);
  if (f.from) p.set("from", f.from);
  if (f.to) p.set("to", f.to);
  if (f.department) p.set("department", f.department);
  if (f.operator) p.set("operator", f.operator);
  if (f.status) p.set("status", f.status);
  if (f.rating) p.set("rating", String(f.rating));
  if (f.cursor) p.set("after", f.cursor);
  return p;
}

/** The filters without the page position: what the tiles summarise. */
export function withoutCursor(f: AttendanceUrlState): Omit<AttendanceUrlState, "cursor"> {
  const rest = { ...f };
  delete rest.cursor;
  return rest;
}
