/**
 * The JS budget (issue 13): per route of the last `next build`, the compressed JS a first visit
 * downloads, against perf-budget.json. Next 16 no longer prints First Load JS, so this reads
 * .next/diagnostics/route-bundle-stats.json (each route's first-load chunks; the nomodule
 * polyfills are not among them) and gzips each chunk at zlib's default level, as `next start`
 * sends it — the same bytes a browser's Resource Timing reports for a fresh visit.
 *
 *   npm run budget          prints the table; exits 1 when a route is over its budget
 *   npm run routes:size     the same table, never fails (--report-only)
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import {
  compareToBudget,
  firstVisitBytes,
  parseBudget,
  routeOfAppDir,
  unknownBudgetRoutes,
  type RouteBytes,
} from "./js-budget-check";

const STATS = ".next/diagnostics/route-bundle-stats.json";
const reportOnly = process.argv.includes("--report-only");

interface RouteStats {
  route: string;
  firstLoadChunkPaths: string[];
}

if (!existsSync(STATS)) {
  console.error(`${STATS} is missing: run \`next build\` first (the e2e run builds into .next as well).`);
  process.exit(1);
}

const stats = JSON.parse(readFileSync(STATS, "utf8")) as RouteStats[];
const budget = parseBudget(JSON.parse(readFileSync("perf-budget.json", "utf8")));

const gzipped = new Map<string, number>();
const gzipBytes = (file: string): number => {
  let bytes = gzipped.get(file);
  if (bytes === undefined) {
    bytes = gzipSync(readFileSync(file)).length;
    gzipped.set(file, bytes);
  }
  return bytes;
};

/** Route → the chunk lists of each next/dynamic entry its page renders. */
function dynamicEntriesByRoute(): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  const appDir = ".next/server/app";
  for (const file of readdirSync(appDir, { recursive: true, encoding: "utf8" })) {
    if (!file.endsWith(`page${path.sep}react-loadable-manifest.json`)) continue;
    const manifest = JSON.parse(readFileSync(path.join(appDir, file), "utf8")) as Record<string, { files: string[] }>;
    const entries = Object.values(manifest).map((e) => e.files.map((f) => path.join(".next", f)));
    if (entries.length) out.set(routeOfAppDir(path.dirname(path.dirname(file))), entries);
  }
  return out;
}

const dynamic = dynamicEntriesByRoute();
const routes: RouteBytes[] = stats.map((r) => ({
  route: r.route,
  bytes: firstVisitBytes(r.firstLoadChunkPaths, dynamic.get(r.route) ?? [], gzipBytes),
}));
const verdicts = compareToBudget(routes, budget);

const n = (bytes: number) => bytes.toLocaleString("en-US");
console.log(
  `${"Route".padEnd(28)}${"first visit JS (gzip B)".padStart(24)}${"budget".padStart(10)}${"margin".padStart(10)}`,
);
for (const v of verdicts) {
  console.log(
    `${v.route.padEnd(28)}${n(v.bytes).padStart(24)}${n(v.budget).padStart(10)}${n(v.margin).padStart(10)}${v.over ? "  OVER" : ""}`,
  );
}

const stale = unknownBudgetRoutes(routes, budget);
const over = verdicts.filter((v) => v.over);
if (stale.length) console.error(`perf-budget.json names routes this build does not have: ${stale.join(", ")}`);
if (over.length) {
  console.log(`OVER BUDGET: ${over.length} of ${verdicts.length} routes (${over.map((v) => v.route).join(", ")})`);
} else {
  console.log(`Within budget: all ${verdicts.length} routes.`);
}
if (!reportOnly && (over.length || stale.length)) process.exit(1);
