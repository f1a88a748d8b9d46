/**
 * Report periods: presets (the last 7, 30 or 90 days, today included) and custom ranges of
 * Brasília calendar days (UTC−3 all year, like the Atendimentos page), one schema for the page,
 * the procedures and the CSV route.
 */
import { z } from "zod";
import type { ReportRange } from "./types";

export const REPORT_PRESETS = [7, 30, 90] as const;
export type ReportPreset = (typeof REPORT_PRESETS)[number];
export const DEFAULT_PRESET: ReportPreset = 30;
/** The longest custom period (one vendor call answers it). */
export const MAX_REPORT_DAYS = 366;

export const DAY_MS = 24 * 60 * 60 * 1000;
const BRASILIA_OFFSET_MS = 3 * 60 * 60 * 1000;

/** The Brasília calendar day of a moment, "YYYY-MM-DD". */
export function brasiliaDay(at: number | Date): string {
  return new Date(new Date(at).getTime() - BRASILIA_OFFSET_MS).toISOString().slice(0, 10);
}

/** `day` moved by `days` calendar days. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included. */
export function daysIn(range: ReportRange): number {
  return Math.round((Date.parse(`${range.to}T12:00:00Z`) - Date.parse(`${range.from}T12:00:00Z`)) / DAY_MS) + 1;
}

/** Every day of the range, in order. */
export function eachDay(range: ReportRange): string[] {
  const n = Math.max(0, daysIn(range));
  return Array.from({ length: n }, (_, i) => addDays(range.from, i));
}

/** The range's first and last instants (epoch ms) in Brasília time. */
export function rangeBounds(range: ReportRange): { start: number; end: number } {
  return {
    start: Date.parse(`${range.from}T00:00:00.000-03:00`),
    end: Date.parse(`${range.to}T23:59:59.999-03:00`),
  };
}

/** The last `days` days, today (in Brasília) included. */
export function presetRange(days: number, now: number | Date = Date.now()): ReportRange {
  const to = brasiliaDay(now);
  return { from: addDays(to, -(days - 1)), to };
}

const ZDay = z.iso.date();

/** A custom period is usable: two days, from ≤ to, at most MAX_REPORT_DAYS days. */
function validRange(from: string | undefined, to: string | undefined): ReportRange | null {
  if (!ZDay.safeParse(from).success || !ZDay.safeParse(to).success) return null;
  const range = { from: from as string, to: to as string };
  return range.from <= range.to && daysIn(range) <= MAX_REPORT_DAYS ? range : null;
}

/** What the page's address says (?days=7|30|90, or ?from=…&to=…): the range and the preset, if one. */
export function rangeFromSearch(
  params: { days?: string; from?: string; to?: string },
  now: number | Date = Date.now(),
): { range: ReportRange; preset: ReportPreset | null; invalid: boolean } {
  if (params.from || params.to) {
    const range = validRange(params.from, params.to);
    if (range) return { range, preset: null, invalid: false };
    return { range: presetRange(DEFAULT_PRESET, now), preset: DEFAULT_PRESET, invalid: true };
  }
  const days = Number(params.days);
  const preset = (REPORT_PRESETS as readonly number[]).includes(days) ? (days as ReportPreset) : DEFAULT_PRESET;
  return { range: presetRange(preset, now), preset, invalid: false };
}
