/**
 * `npm run bench:cold-start` — process start → first 200 on /sign-in, on the production build
 * in .next (run `npm run build` first) and an embedded database folder that is already
 * migrated (the first, unmeasured start migrates it).
 *
 * Alternates, BENCH_RUNS (7) rounds, between
 *   serve       `node scripts/serve.mjs` — what `npm start` runs: the database is opened (and
 *               its schema checked) alongside Next's prepare(), before it listens;
 *   next-start  `next start` — Next's own server, which runs instrumentation.ts (the database
 *               open) on the first request instead.
 * BENCH_VARIANTS=serve limits it to one. Prints each run and the median per variant.
 */
import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { coldStartEnv } from "./support";

const PORT = Number(process.env.BENCH_PORT ?? 3650);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 7));
const ORIGIN = `http://127.0.0.1:${PORT}`;
const DATA_DIR = path.resolve(".data/cold-start");
const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");

const VARIANTS: Record<string, string[]> = {
  serve: ["scripts/serve.mjs", "-p", String(PORT), "-H", "127.0.0.1"],
  "next-start": [NEXT_BIN, "start", "-p", String(PORT), "-H", "127.0.0.1"],
};
const chosen = (process.env.BENCH_VARIANTS ?? "serve,next-start")
  .split(",")
  .map((v) => v.trim())
  .filter((v) => v in VARIANTS);

const env = coldStartEnv(ORIGIN, DATA_DIR);

/** Milliseconds from spawning `args` to the first 200 on /sign-in; the process is stopped after. */
async function startToFirst200(args: string[]): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "ignore", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let ended = false;
  void exited.then(() => (ended = true));
  try {
    for (;;) {
      if (ended) throw new Error(`${args.join(" ")} exited before answering`);
      if (performance.now() - started > 180_000) throw new Error(`${args.join(" ")}: no 200 within 180 s`);
      try {
        const res = await fetch(`${ORIGIN}/sign-in`);
        await res.arrayBuffer();
        if (res.status === 200) return performance.now() - started;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function main(): Promise<void> {
  if (!existsSync(".next/BUILD_ID")) throw new Error("no production build: run `npm run build` first");
  rmSync(DATA_DIR, { recursive: true, force: true });
  console.log("first start: creating and migrating the data folder (not measured)…");
  await startToFirst200(VARIANTS.serve!);
  const times = new Map<string, number[]>(chosen.map((v) => [v, []]));
  for (let round = 1; round <= RUNS; round++) {
    // Alternate which variant goes first, so neither always gets the warmer disk cache.
    const order = round % 2 ? chosen : [...chosen].reverse();
    for (const variant of order) {
      const ms = await startToFirst200(VARIANTS[variant]!);
      times.get(variant)!.push(ms);
      console.log(`round ${round} ${variant.padEnd(10)} ${ms.toFixed(0).padStart(6)} ms`);
    }
  }
  console.log("\n=== bench:cold-start (start → first 200 on /sign-in, migrated data folder) ===");
  for (const [variant, list] of times) {
    console.log(
      `  ${variant.padEnd(10)} median ${median(list).toFixed(0).padStart(6)} ms   runs: ${list.map((t) => t.toFixed(0)).join(", ")}`,
    );
  }
}

await main();
