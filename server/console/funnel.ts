/**
 * The console's Funil de cadastro: per week of sign-up (Brasília weeks, Monday first), how many
 * organizations started, reached each step of the wizard (or went past it: a backend without a
 * step skips it) and completed it; the drop-off between steps over the period; and the median time
 * spent in each step, from `onboarding_states.step_entered_at` (recorded from issue 16 on — the
 * company step starts when the organization is created).
 */
import { sql } from "drizzle-orm";
import { ONBOARDING_STEPS, type OnboardingStep } from "@/lib/onboarding/steps";
import type { Db } from "@/server/db/client";

/** The steps a person works in (the funnel's stages); "done" is "completed". */
export const FUNNEL_STEPS = ONBOARDING_STEPS.filter((s) => s !== "done") as Exclude<OnboardingStep, "done">[];
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

export interface FunnelWeek {
  /** Monday of the week, "YYYY-MM-DD" (Brasília). */
  week: string;
  started: number;
  reached: Record<FunnelStep, number>;
  completed: number;
}

export interface Funnel {
  weeks: FunnelWeek[];
  totals: { started: number; reached: Record<FunnelStep, number>; completed: number };
  /** Median milliseconds spent in each step, and how many organizations it was measured on. */
  medians: Record<FunnelStep, { medianMs: number | null; samples: number }>;
}

type WeekRow = { week: string; started: number; completed: number } & Record<`r_${FunnelStep}`, number>;

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export async function computeFunnel(db: Db, opts: { weeks?: number; now?: Date } = {}): Promise<Funnel> {
  const weeks = opts.weeks ?? 8;
  const now = opts.now ?? new Date();
  const steps = sql.raw(`ARRAY[${ONBOARDING_STEPS.map((s) => `'${s}'`).join(",")}]`);
  const position = sql`coalesce(array_position(${steps}, case when os.completed_at is not null then 'done' else coalesce(os.current_step, 'company') end), 1)`;
  const reached = FUNNEL_STEPS.map(
    (s, i) => sql`(count(*) filter (where ${position} >= ${i + 1}))::int as ${sql.raw(`r_${s}`)}`,
  );
  const weekOf = sql`date_trunc('week', o.created_at at time zone 'America/Sao_Paulo')`;
  const since = sql`(date_trunc('week', ${now.toISOString()}::timestamptz at time zone 'America/Sao_Paulo') - make_interval(weeks => ${weeks - 1})) at time zone 'America/Sao_Paulo'`;
  const result = await db.execute<WeekRow>(sql`
    select to_char(${weekOf}, 'YYYY-MM-DD') as week, count(*)::int as started,
           ${sql.join(reached, sql`, `)},
           (count(*) filter (where os.completed_at is not null))::int as completed
    from organizations o left join onboarding_states os on os.organization_id = o.id
    where o.created_at >= ${since} and o.created_at <= ${now.toISOString()}::timestamptz
    group by 1 order by 1`);
  const rows = (result as unknown as { rows: WeekRow[] }).rows;
  const zero = () => Object.fromEntries(FUNNEL_STEPS.map((s) => [s, 0])) as Record<FunnelStep, number>;
  const totals = { started: 0, reached: zero(), completed: 0 };
  const weekList: FunnelWeek[] = rows.map((r) => {
    const reachedBy = zero();
    for (const s of FUNNEL_STEPS) reachedBy[s] = Number(r[`r_${s}`]);
    totals.started += Number(r.started);
    totals.completed += Number(r.completed);
    for (const s of FUNNEL_STEPS) totals.reached[s] += reachedBy[s];
    return { week: r.week, started: Number(r.started), reached: reachedBy, completed: Number(r.completed) };
  });

  // Step times: only organizations with recorded entries (the rest have none to measure).
  const timed = await db.execute<{
    created_at: Date | string;
    step_entered_at: Partial<Record<OnboardingStep, string>>;
  }>(sql`
    select o.created_at, os.step_entered_at
    from organizations o join onboarding_states os on os.organization_id = o.id
    where o.created_at >= ${since} and o.created_at <= ${now.toISOString()}::timestamptz
      and os.step_entered_at <> '{}'::jsonb`);
  const durations = Object.fromEntries(FUNNEL_STEPS.map((s) => [s, [] as number[]])) as Record<FunnelStep, number[]>;
  for (const row of (
    timed as unknown as {
      rows: Array<{ created_at: Date | string; step_entered_at: Partial<Record<OnboardingStep, string>> }>;
    }
  ).rows) {
    const entered = (s: OnboardingStep): number | null => {
      if (s === "company") return new Date(row.created_at).getTime();
      const at = row.step_entered_at[s];
      return at ? new Date(at).getTime() : null;
    };
    FUNNEL_STEPS.forEach((s, i) => {
      const from = entered(s);
      if (from === null) return;
      // The next step this organization entered (a backend without a step skips it).
      for (const next of ONBOARDING_STEPS.slice(i + 1)) {
        const to = entered(next);
        if (to !== null) {
          if (to >= from) durations[s].push(to - from);
          return;
        }
      }
    });
  }
  const medians = Object.fromEntries(
    FUNNEL_STEPS.map((s) => [s, { medianMs: median(durations[s]), samples: durations[s].length }]),
  ) as Funnel["medians"];
  return { weeks: weekList, totals, medians };
}
