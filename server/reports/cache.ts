/**
 * The satisfaction reports' cache: in this process, least recently used first out, keyed by
 * organization, period and operator.
 *
 * Why in memory and not a table: a report is read through tRPC queries (GET requests), and queries
 * never write to the database (tests/security/queries-never-write); it is a short-lived copy of
 * the vendor's answer, with customers' names and phones we would rather not store a second time.
 * The price: each portal instance keeps its own, and a restart forgets them (the next visit asks
 * the chat again; only the "last result" shown during a vendor failure is lost).
 */
import type { ReportEntry } from "@/lib/reports/types";

export interface CachedReport {
  entries: ReportEntry[];
  /** When the chat answered (epoch ms). */
  fetchedAt: number;
}

export interface ReportCacheLimits {
  /** Reports kept at most (organizations × periods × operators). */
  maxReports: number;
  /** Attendances kept at most across all reports (memory bound). */
  maxEntries: number;
  /** A result older than this is dropped even as a fallback (ms). */
  maxAgeMs: number;
}

export const DEFAULT_CACHE_LIMITS: ReportCacheLimits = {
  maxReports: 500,
  maxEntries: 200_000,
  maxAgeMs: 24 * 60 * 60 * 1000,
};

export function createReportCache(limits: ReportCacheLimits = DEFAULT_CACHE_LIMITS) {
  const map = new Map<string, CachedReport>();
  let entries = 0;

  const drop = (key: string) => {
    const old = map.get(key);
    if (!old) return;
    entries -= old.entries.length;
    map.delete(key);
  };

  return {
    get(key: string, now: number = Date.now()): CachedReport | undefined {
      const hit = map.get(key);
      if (!hit) return undefined;
      if (now - hit.fetchedAt > limits.maxAgeMs) {
        drop(key);
        return undefined;
      }
      // Map keeps insertion order: re-inserting marks it the most recently used.
      map.delete(key);
      map.set(key, hit);
      return hit;
    },
    set(key: string, report: CachedReport): void {
      drop(key);
      // A report larger than the whole budget is answered but not kept.
      if (report.entries.length > limits.maxEntries) return;
      map.set(key, report);
      entries += report.entries.length;
      for (const oldest of map.keys()) {
        if (map.size <= limits.maxReports && entries <= limits.maxEntries) break;
        drop(oldest);
      }
    },
    /** Forgets one organization's reports (tests; an organization deleted). */
    forgetOrganization(organizationId: string): void {
      for (const key of [...map.keys()]) if (key.startsWith(`${organizationId}|`)) drop(key);
    },
    clear(): void {
      map.clear();
      entries = 0;
    },
    get size(): number {
      return map.size;
    },
    get entryCount(): number {
      return entries;
    },
  };
}

export type ReportCache = ReturnType<typeof createReportCache>;

/** The process-wide cache (the portal's one instance of it). */
export const reportCache: ReportCache = createReportCache();

export function reportCacheKey(organizationId: string, from: string, to: string, operatorId: string | null): string {
  return `${organizationId}|${from}|${to}|${operatorId ?? ""}`;
}
