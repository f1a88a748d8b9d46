import { describe, expect, it } from "vitest";
import { distribution, perDay, perOperator, starsOf, totals } from "@/lib/reports/aggregate";
import { presetRange, rangeBounds, rangeFromSearch } from "@/lib/reports/range";
import type { ReportEntry } from "@/lib/reports/types";

const ana = { id: "op-ana", name: "Ana Lima" };
const bruno = { id: "op-bruno", name: "Bruno Costa" };

/** An attendance that ended at a Brasília wall-clock time. */
function entry(endedAt: string, rating: number | null, operators = [ana]): ReportEntry {
  const end = Date.parse(`${endedAt}-03:00`);
  return {
    attendanceNumber: 1,
    customerName: "João Silva",
    customerPhone: "5544999998888",
    startTime: end - 5 * 60_000,
    endTime: end,
    operators,
    rating,
    observation: null,
  };
}

describe("report periods", () => {
  it("presets count today in Brasília: 7 days end today and start six days before", () => {
    // 02:00 UTC on 10 March is still 9 March in Brasília.
    expect(presetRange(7, Date.parse("2026-03-10T02:00:00Z"))).toEqual({ from: "2026-03-03", to: "2026-03-09" });
    expect(presetRange(30, Date.parse("2026-03-10T12:00:00Z"))).toEqual({ from: "2026-02-09", to: "2026-03-10" });
  });

  it("bounds are the first and last instants of the days in Brasília time", () => {
    const { start, end } = rangeBounds({ from: "2026-03-01", to: "2026-03-02" });
    expect(new Date(start).toISOString()).toBe("2026-03-01T03:00:00.000Z");
    expect(new Date(end).toISOString()).toBe("2026-03-03T02:59:59.999Z");
  });

  it("reads the address: a preset, a custom period, or the default for anything else", () => {
    const now = Date.parse("2026-03-10T12:00:00Z");
    expect(rangeFromSearch({ days: "90" }, now)).toMatchObject({ preset: 90, invalid: false });
    expect(rangeFromSearch({ from: "2026-01-01", to: "2026-01-31" }, now)).toEqual({
      range: { from: "2026-01-01", to: "2026-01-31" },
      preset: null,
      invalid: false,
    });
    expect(rangeFromSearch({ from: "2026-02-01", to: "2026-01-01" }, now)).toMatchObject({ preset: 30, invalid: true });
    expect(rangeFromSearch({ from: "2024-01-01", to: "2026-01-01" }, now)).toMatchObject({ invalid: true });
    expect(rangeFromSearch({ days: "12" }, now)).toMatchObject({ preset: 30, invalid: false });
  });
});

describe("satisfaction figures", () => {
  const range = { from: "2026-03-01", to: "2026-03-03" };
  const entries = [
    entry("2026-03-01T09:00:00", 5),
    entry("2026-03-01T23:30:00", 4, [bruno]),
    // 00:30 on the 3rd in Brasília is still the 3rd (03:30 UTC).
    entry("2026-03-03T00:30:00", 2, [ana, bruno]),
    entry("2026-03-03T10:00:00", null, []),
  ];

  it("stars are whole numbers 1–5; anything else is 'not rated'", () => {
    expect([starsOf(4.6), starsOf(1), starsOf(0), starsOf(6), starsOf(null), starsOf(Number.NaN)]).toEqual([
      5,
      1,
      null,
      null,
      null,
      null,
    ]);
  });

  it("totals: attendances, rated, average of the ratings given, share of 4 and 5 stars", () => {
    expect(totals(entries)).toEqual({ attendances: 4, rated: 3, average: 11 / 3, satisfied: 2 / 3 });
    expect(totals([])).toEqual({ attendances: 0, rated: 0, average: null, satisfied: null });
  });

  it("per day: every day of the period, empty days included, by Brasília calendar day", () => {
    expect(perDay(entries, range)).toEqual([
      { day: "2026-03-01", attendances: 2, rated: 2, average: 4.5, stars: [0, 0, 0, 1, 1] },
      { day: "2026-03-02", attendances: 0, rated: 0, average: null, stars: [0, 0, 0, 0, 0] },
      { day: "2026-03-03", attendances: 2, rated: 1, average: 2, stars: [0, 1, 0, 0, 0] },
    ]);
    // An attendance outside the period is in no day.
    expect(perDay([entry("2026-03-04T10:00:00", 5)], range).every((d) => d.attendances === 0)).toBe(true);
  });

  it("distribution: how many of each star, and the unrated", () => {
    expect(distribution(entries)).toEqual({ stars: [0, 1, 0, 1, 1], unrated: 1 });
  });

  it("per operator: a shared attendance counts for each; no operator last; most attendances first", () => {
    expect(perOperator(entries)).toEqual([
      { id: "op-ana", name: "Ana Lima", attendances: 2, rated: 2, average: 3.5 },
      { id: "op-bruno", name: "Bruno Costa", attendances: 2, rated: 2, average: 3 },
      { id: null, name: null, attendances: 1, rated: 0, average: null },
    ]);
  });
});
