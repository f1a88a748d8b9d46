/** The audit page's filters live in the URL (shareable, survive a reload); parsed the same way on server and client. */
export interface AuditFilters {
  action?: string;
  result?: "success" | "failure" | "uncertain";
  from?: string;
  to?: string;
  page: number;
  pageSize: 25 | 50 | 100;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parseAuditFilters(params: URLSearchParams): AuditFilters {
  const action = params.get("action") ?? "";
  const result = params.get("result");
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  const page = Number(params.get("page"));
  const size = Number(params.get("size"));
  return {
    ...(/^[a-z._-]{1,64}$/.test(action) ? { action } : {}),
    ...(result === "success" || result === "failure" || result === "uncertain" ? { result } : {}),
    ...(DAY.test(from) ? { from } : {}),
    ...(DAY.test(to) ? { to } : {}),
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
    pageSize: size === 50 || size === 100 ? size : 25,
  };
}

export function auditFiltersToParams(f: AuditFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.action) p.set("action", f.action);
  if (f.result) p.set("result", f.result);
  if (f.from) p.set("from", f.from);
  if (f.to) p.set("to", f.to);
  if (f.page > 1) p.set("page", String(f.page));
  if (f.pageSize !== 25) p.set("size", String(f.pageSize));
  return p;
}
