/**
 * The satisfaction report's figures, computed from the vendor's list of attendances: per day
 * (Brasília calendar days of the range, empty days included), the distribution of stars and per
 * operator. Pure functions: the page, the CSV route and the unit tests share them.
 */
import { brasiliaDay, eachDay } from "./range";
import type { ReportEntry, ReportRange } from "./types";

export interface RatingFigures {
  /** Attendances in the report. */
  attendances: number;
  /** Of those, the ones the customer rated. */
  rated: number;
  /** Average of the ratings given; null when none was. */
  average: number | null;
}

export interface DayFigures extends RatingFigures {
  day: string;
  /** The day's ratings by stars: index 0 → 1 star … index 4 → 5 stars. */
  stars: Distribution["stars"];
}

export interface OperatorFigures extends RatingFigures {
  /** The vendor's operator id; null for attendances no operator took. */
  id: string | null;
  name: string | null;
}

export interface Distribution {
  /** Index 0 → 1 star … index 4 → 5 stars. */
  stars: [number, number, number, number, number];
  unrated: number;
}

export interface ReportTotals extends RatingFigures {
  /** Share (0–1) of the ratings given that are 4 or 5 stars; null when none was. */
  satisfied: number | null;
}

/** A vendor rating as stars: a whole number 1–5, else null (not rated, or a value we cannot place). */
export function starsOf(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const stars = Math.round(value);
  return stars >= 1 && stars <= 5 ? stars : null;
}

/** The moment an attendance belongs to: when it ended, else when it started. */
export function momentOf(e: ReportEntry): number | null {
  return e.endTime ?? e.startTime ?? null;
}

function figuresOf(entries: readonly ReportEntry[]): RatingFigures {
  let rated = 0;
  let sum = 0;
  for (const e of entries) {
    if (e.rating === null) continue;
    rated++;
    sum += e.rating;
  }
  return { attendances: entries.length, rated, average: rated > 0 ? sum / rated : null };
}

export function totals(entries: readonly ReportEntry[]): ReportTotals {
  const figures = figuresOf(entries);
  const happy = entries.filter((e) => e.rating !== null && e.rating >= 4).length;
  return { ...figures, satisfied: figures.rated > 0 ? happy / figures.rated : null };
}

/** One row per day of the range (days without attendances too); attendances outside it are left out. */
export function perDay(entries: readonly ReportEntry[], range: ReportRange): DayFigures[] {
  const byDay = new Map<string, ReportEntry[]>(eachDay(range).map((d) => [d, []]));
  for (const e of entries) {
    const at = momentOf(e);
    if (at === null) continue;
    byDay.get(brasiliaDay(at))?.push(e);
  }
  return [...byDay].map(([day, list]) => ({ day, ...figuresOf(list), stars: distribution(list).stars }));
}

export function distribution(entries: readonly ReportEntry[]): Distribution {
  const stars: Distribution["stars"] = [0, 0, 0, 0, 0];
  let unrated = 0;
  for (const e of entries) {
    if (e.rating === null) unrated++;
    else stars[e.rating - 1]!++;
  }
  return { stars, unrated };
}

/**
 * One row per operator who took part (an attendance shared by two operators counts for both),
 * then "no operator"; most attendances first, then by name.
 */
export function perOperator(entries: readonly ReportEntry[]): OperatorFigures[] {
  const groups = new Map<string | null, { name: string | null; list: ReportEntry[] }>();
  for (const e of entries) {
    const ops = e.operators.length > 0 ? e.operators : [{ id: null, name: null }];
    for (const op of ops) {
      const group = groups.get(op.id) ?? { name: op.name, list: [] };
      group.list.push(e);
      groups.set(op.id, group);
    }
  }
  return [...groups]
    .map(([id, g]) => ({ id, name: g.name, ...figuresOf(g.list) }))
    .sort(
      (a, b) =>
        Number(a.id === null) - Number(b.id === null) ||
        b.attendances - a.attendances ||
        (a.name ?? "").localeCompare(b.name ?? "", "pt-BR"),
    );
}
