/**
 * The JS budget's pure part: which budget a route has (perf-budget.json) and how each route's
 * first-visit bytes compare to it. No file system here, so the rule is unit-tested
 * (tests/unit/js-budget.test.ts); scripts/js-budget.ts reads the build and prints.
 */

/** perf-budget.json: compressed bytes a first visit may download; `routes` overrides `default`. */
export interface JsBudget {
  default: number;
  routes?: Record<string, number>;
}

/** One route of the build: its path and the gzip bytes of the chunks a first visit downloads. */
export interface RouteBytes {
  route: string;
  bytes: number;
}

export interface RouteVerdict extends RouteBytes {
  budget: number;
  /** budget − bytes: negative when the route is over budget. */
  margin: number;
  over: boolean;
}

export function budgetFor(budget: JsBudget, route: string): number {
  return budget.routes?.[route] ?? budget.default;
}

/** Every route against its budget, sorted by route; `over` is true only when bytes exceed the budget. */
export function compareToBudget(routes: readonly RouteBytes[], budget: JsBudget): RouteVerdict[] {
  return [...routes]
    .sort((a, b) => a.route.localeCompare(b.route))
    .map((r) => {
      const limit = budgetFor(budget, r.route);
      return { ...r, budget: limit, margin: limit - r.bytes, over: r.bytes > limit };
    });
}

/** A budget file that names a route the build does not have is stale: say so rather than pass quietly. */
export function unknownBudgetRoutes(routes: readonly RouteBytes[], budget: JsBudget): string[] {
  const known = new Set(routes.map((r) => r.route));
  return Object.keys(budget.routes ?? {}).filter((route) => !known.has(route));
}

/** Checks the shape of perf-budget.json (positive whole bytes). */
export function parseBudget(value: unknown): JsBudget {
  const isBytes = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n) && n > 0;
  if (typeof value !== "object" || value === null) throw new Error("perf-budget.json: an object is expected");
  const { default: fallback, routes } = value as { default?: unknown; routes?: unknown };
  if (!isBytes(fallback)) throw new Error("perf-budget.json: `default` must be a positive whole number of bytes");
  if (routes === undefined) return { default: fallback };
  if (typeof routes !== "object" || routes === null) throw new Error("perf-budget.json: `routes` must be an object");
  for (const [route, bytes] of Object.entries(routes)) {
    if (!isBytes(bytes)) throw new Error(`perf-budget.json: the budget of ${route} must be a positive whole number`);
  }
  return { default: fallback, routes: routes as Record<string, number> };
}

/**
 * The app route a server build folder serves: `app/(app)/onboarding/[step]` → `/onboarding/[step]`
 * (route groups and parallel-route slots are not part of the URL).
 */
export function routeOfAppDir(dir: string): string {
  const parts = dir.split("/").filter((p) => p && !(p.startsWith("(") && p.endsWith(")")) && !p.startsWith("@"));
  return `/${parts.join("/")}`;
}

/**
 * What a first visit downloads: the route's first-load chunks, plus the chunks of the largest
 * `next/dynamic` entry it renders (the wizard renders exactly one step, on the server and in the
 * browser; counting the largest is the worst case). Code behind React.lazy (components/ui/lazy.tsx)
 * loads on a click and is not in `dynamicEntries`.
 */
export function firstVisitBytes(
  firstLoad: readonly string[],
  dynamicEntries: readonly (readonly string[])[],
  bytesOf: (file: string) => number,
): number {
  const base = new Set(firstLoad);
  const sum = (files: Iterable<string>) => [...files].reduce((total, f) => total + bytesOf(f), 0);
  const extra = dynamicEntries.map((files) => sum(new Set(files.filter((f) => !base.has(f)))));
  return sum(base) + Math.max(0, ...extra);
}
