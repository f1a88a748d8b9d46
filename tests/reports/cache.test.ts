import { describe, expect, it } from "vitest";
import type { ReportEntry } from "@/lib/reports/types";
import { createReportCache, reportCacheKey } from "@/server/reports/cache";

const entries = (n: number): ReportEntry[] =>
  Array.from({ length: n }, (_, i) => ({
    attendanceNumber: i,
    customerName: null,
    customerPhone: null,
    startTime: null,
    endTime: null,
    operators: [],
    rating: null,
    observation: null,
  }));

describe("the reports' cache", () => {
  it("keys by organization, period and operator", () => {
    expect(reportCacheKey("org", "2026-01-01", "2026-01-07", null)).not.toBe(
      reportCacheKey("org", "2026-01-01", "2026-01-07", "op"),
    );
  });

  it("drops the least recently used beyond its report and attendance budgets", () => {
    const cache = createReportCache({ maxReports: 2, maxEntries: 10, maxAgeMs: 60_000 });
    cache.set("a", { entries: entries(3), fetchedAt: 0 });
    cache.set("b", { entries: entries(3), fetchedAt: 0 });
    expect(cache.get("a", 1)).toBeDefined(); // "a" is now the most recent
    cache.set("c", { entries: entries(3), fetchedAt: 0 });
    expect(cache.get("b", 1)).toBeUndefined();
    expect([cache.size, cache.entryCount]).toEqual([2, 6]);
    cache.set("d", { entries: entries(8), fetchedAt: 0 });
    expect(cache.get("a", 1)).toBeUndefined();
    expect(cache.get("c", 1)).toBeUndefined();
    expect(cache.entryCount).toBe(8);
    // Larger than the whole budget: answered, not kept.
    cache.set("e", { entries: entries(11), fetchedAt: 0 });
    expect(cache.get("e", 1)).toBeUndefined();
  });

  it("forgets a result older than its maximum age, and one organization's reports on demand", () => {
    const cache = createReportCache({ maxReports: 10, maxEntries: 100, maxAgeMs: 1_000 });
    cache.set("org1|x", { entries: entries(1), fetchedAt: 0 });
    cache.set("org2|x", { entries: entries(1), fetchedAt: 0 });
    expect(cache.get("org1|x", 1_001)).toBeUndefined();
    cache.forgetOrganization("org2");
    expect(cache.size).toBe(0);
  });
});
