/** What the bench scripts share: percentiles and the PlugChat emulator in a child process. */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { DbHandle } from "@/server/db/client";
import { E2E_SECRETS } from "../e2e/secrets";

/** Server modules import `server-only`; the benches re-run themselves under this condition. */
export const REACT_SERVER_CONDITION = "--conditions=react-server";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The p-th percentile of an ascending array (NaN when empty). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** The emulator in its own process (so its CPU is not the bench's), resolved once it says where it listens. */
export async function startEmulatorChild(options: {
  port: number;
  stateFile: string;
  token: string;
  timeoutMs?: number;
}): Promise<{ child: ChildProcess; origin: string }> {
  const child = spawn(
    process.execPath,
    [...process.execArgv.filter((a) => a !== REACT_SERVER_CONDITION), path.join(root, "emulators/plugchat/main.ts")],
    {
      env: {
        ...process.env,
        PLUGCHAT_EMULATOR_PORT: String(options.port),
        PLUGCHAT_EMULATOR_STATE: options.stateFile,
        PLUGCHAT_TOKEN: options.token,
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const timeoutMs = options.timeoutMs ?? 30_000;
  const origin = await new Promise<string>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`emulator did not start within ${timeoutMs / 1000} s`)), timeoutMs);
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const m = /PLUGCHAT_EMULATOR_READY (\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  child.stdout?.resume();
  return { child, origin };
}

/**
 * `npm start`'s environment for a cold start on /sign-in: production, test-only secrets, its own
 * embedded data folder, and a vendor address nothing answers (nothing is asked of it at start).
 */
export function coldStartEnv(origin: string, dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATA_DIR: dataDir,
    PUBLIC_URL: origin,
    NEXTAUTH_URL: origin,
    NEXTAUTH_SECRET: E2E_SECRETS.NEXTAUTH_SECRET,
    ENCRYPTION_KEYS: `e2e1:${E2E_SECRETS.ENCRYPTION_KEY}`,
    PLUGCHAT_TOKEN: E2E_SECRETS.PLUGCHAT_TOKEN,
    PLUGCHAT_BASE_URL: "http://127.0.0.1:9/integrator",
    LOG_LEVEL: "error",
  };
  delete env.DATABASE_URL;
  return env;
}

/** The PostgreSQL server the benches use (BENCH_DATABASE_URL; a database is created on it per run). */
export const BENCH_ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/**
 * A fresh PostgreSQL database named `<prefix>_<random>` on BENCH_ADMIN_URL's server, dropped by
 * `cleanup` — or, when PostgreSQL is unreachable, an in-memory PGlite, said so on the console and
 * in `label` (the figures are then not PostgreSQL's). Call it from the re-run under react-server.
 */
export async function openBenchDatabase(prefix: string): Promise<{
  handle: DbHandle;
  label: string;
  cleanup: () => Promise<void>;
}> {
  const pg = (await import("pg")).default;
  const { randomBytes } = await import("node:crypto");
  const { openDb } = await import("@/server/db/client");
  const dbName = `${prefix}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: BENCH_ADMIN_URL });
  try {
    await admin.connect();
    await admin.query(`create database "${dbName}"`);
    await admin.end();
    const u = new URL(BENCH_ADMIN_URL);
    u.pathname = `/${dbName}`;
    // The production pool size (DATABASE_POOL_SIZE, default 25): the bench gets what a deployment gets.
    const handle = await openDb({ kind: "postgres", url: u.toString() });
    return {
      handle,
      label: `PostgreSQL (${u.host}/${dbName})`,
      cleanup: async () => {
        await handle.close();
        const dropper = new pg.Client({ connectionString: BENCH_ADMIN_URL });
        await dropper.connect();
        await dropper.query(`drop database if exists "${dbName}" with (force)`);
        await dropper.end();
      },
    };
  } catch (error) {
    await admin.end().catch(() => undefined);
    console.log(
      `PostgreSQL unreachable at ${BENCH_ADMIN_URL} (${error instanceof Error ? error.message : String(error)}): falling back to in-memory PGlite — the figures below are NOT PostgreSQL's.`,
    );
    const handle = await openDb({ kind: "pglite" });
    return { handle, label: "PGlite (in memory) — PostgreSQL was unreachable", cleanup: () => handle.close() };
  }
}

/**
 * Calls `call` `calls` times, cycling through `variants` (each called once first, unmeasured, to
 * warm the plan cache), and prints p50/p95/p99 overall and per variant against `targetP95Ms`.
 * Returns whether the overall p95 met the target.
 */
export async function measureLatencies<V extends { label: string }>(
  title: string,
  targetP95Ms: number,
  calls: number,
  variants: V[],
  call: (variant: V) => Promise<unknown>,
): Promise<boolean> {
  for (const v of variants) await call(v);
  const all: number[] = [];
  const per = new Map<string, number[]>();
  for (let i = 0; i < calls; i++) {
    const v = variants[i % variants.length]!;
    const started = performance.now();
    await call(v);
    const ms = performance.now() - started;
    all.push(ms);
    (per.get(v.label) ?? per.set(v.label, []).get(v.label)!).push(ms);
  }
  all.sort((a, b) => a - b);
  const p95 = percentile(all, 95);
  const fmt = (xs: number[]) =>
    `p50 ${percentile(xs, 50).toFixed(2)} ms · p95 ${percentile(xs, 95).toFixed(2)} ms · p99 ${percentile(xs, 99).toFixed(2)} ms`;
  console.log(`\n${title}, ${calls} calls:`);
  console.log(`   ${fmt(all)} (target p95 ≤ ${targetP95Ms} ms: ${p95 <= targetP95Ms ? "met" : "MISSED"})`);
  for (const [label, xs] of per) {
    xs.sort((a, b) => a - b);
    console.log(`   - ${label.padEnd(40)} ${fmt(xs)}`);
  }
  return p95 <= targetP95Ms;
}
