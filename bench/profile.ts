/**
 * `npm run bench:profile` — where the server's time goes on operators.page (issue 13): the
 * production build under scripts/e2e-server.ts with V8's CPU profiler on in the portal's process
 * (bench/cpu-profile-preload.mjs, started and stopped around the measured window), one
 * organization with 30 operators, BENCH_CONNECTIONS (20) clients × BENCH_SECONDS (10) of the
 * authenticated page of 25 after 3 s of warm-up. Each sample goes to the innermost frame that belongs to a known part (frames are mapped
 * back to their sources through the build's source maps): the session cookie (next-auth's JWE:
 * jose, hkdf), the database (PGlite's WASM or the pg driver), drizzle, superjson, zod, tRPC,
 * Next/React, our server code; what is left is Node itself (HTTP, streams) and the garbage
 * collector. Prints each part's CPU ms per request and share.
 *
 *   PORTAL_DIR   a portal checkout with a production build (default .): profile another commit
 *   BENCH_DB     pglite (default) or postgres
 *   BENCH_PROCEDURE  operators.page (default) or health.ping: the signed-in no-op, profiled the
 *                same way, so what the page costs on top of every signed-in request shows
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, existsSync } from "node:fs";
import { findSourceMap, SourceMap } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { setUpTenants } from "./portal-client";

const PORTAL_DIR = path.resolve(process.env.PORTAL_DIR ?? ".");
const DB = process.env.BENCH_DB === "postgres" ? "postgres" : "pglite";
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PROCEDURE = process.env.BENCH_PROCEDURE === "health.ping" ? "health.ping" : "operators.page";
const PORT = 3850;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The monotonic clock V8's profiler stamps samples with, in microseconds. */
const nowMicros = () => Number(process.hrtime.bigint() / 1000n);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  parent?: ProfileNode;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const PARTS: Array<[string, RegExp]> = [
  ["session cookie (jose JWE, hkdf)", /node_modules\/(jose|@panva\/hkdf|next-auth)\//],
  ["database: PGlite (WASM)", /@electric-sql\/pglite/],
  ["database: pg driver", /node_modules\/(pg|pg-protocol|pg-pool|pg-types)\//],
  ["drizzle-orm", /node_modules\/drizzle-orm\//],
  ["superjson", /node_modules\/superjson\//],
  ["zod", /node_modules\/zod\//],
  ["tRPC", /node_modules\/@trpc\//],
  ["Next.js / React", /node_modules\/(next|react|react-dom|@next)\//],
  ["pino (logging)", /node_modules\/pino/],
  [
    "our server code",
    new RegExp(
      `^${PORTAL_DIR.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/(?!node_modules/)(server|lib|app)/[^]*\\.(ts|tsx)$`,
    ),
  ],
];

/** Original source of a generated position, through the file's source map (cached per file). */
const maps = new Map<string, SourceMap | null>();
function originalSource(url: string, line: number, column: number): string {
  if (!url.startsWith("file://") && !url.startsWith("/")) return url;
  const file = url.startsWith("file://") ? new URL(url).pathname : url;
  let map = maps.get(file);
  if (map === undefined) {
    map = findSourceMap(file) ?? null;
    if (!map && existsSync(`${file}.map`)) {
      try {
        map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, "utf8")));
      } catch {
        map = null;
      }
    }
    maps.set(file, map);
  }
  if (!map) return file;
  const entry = map.findEntry(line, column) as { originalSource?: string };
  return entry.originalSource ? absoluteSource(entry.originalSource, file) : file;
}

/**
 * A source map's source as an absolute path: Next's own maps say `webpack://next/./src/…` or
 * `../../src/server/…` (relative to the generated file, inside node_modules/next), bundled
 * packages `../node_modules/%40trpc/server/src/…` (URL-encoded), Turbopack `turbopack:///[project]/…`.
 * Without this, Next's and tRPC's own `src/server/*.ts` read as ours.
 */
function absoluteSource(source: string, generatedFile: string): string {
  const webpack = /^webpack:\/\/([^/]+)\/(.*)$/.exec(source);
  if (webpack) return path.join(PORTAL_DIR, "node_modules", webpack[1]!, webpack[2]!);
  const decoded = decodeURIComponent(source);
  if (decoded.startsWith("turbopack:///[project]/")) return path.join(PORTAL_DIR, decoded.slice(23));
  if (/^[a-z]+:/i.test(decoded)) return decoded;
  return path.resolve(path.dirname(generatedFile), decoded);
}

function partOf(node: ProfileNode): string | null {
  const { url, lineNumber, columnNumber } = node.callFrame;
  if (!url) return null;
  const source = originalSource(url, lineNumber, columnNumber);
  for (const [name, re] of PARTS) if (re.test(source)) return name;
  return null;
}

function summarize(profile: CpuProfile, from: number, to: number, requests: number): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) byId.get(c)!.parent = n;
  const partCache = new Map<number, string>();
  const attribute = (leaf: ProfileNode): string => {
    const cached = partCache.get(leaf.id);
    if (cached) return cached;
    let part: string | null = null;
    for (let n: ProfileNode | undefined = leaf; n && !part; n = n.parent) part = partOf(n);
    const name = leaf.callFrame.functionName;
    const result =
      part ??
      (name === "(garbage collector)" || name === "(idle)" || name === "(program)"
        ? name
        : "Node.js (HTTP, streams, …)");
    partCache.set(leaf.id, result);
    return result;
  };
  const micros = new Map<string, number>();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i]!;
    const next = profile.timeDeltas[i + 1] ?? 0;
    if (t < from || t > to) continue;
    const part = attribute(byId.get(profile.samples[i]!)!);
    micros.set(part, (micros.get(part) ?? 0) + next);
  }
  const busy = [...micros].filter(([p]) => p !== "(idle)").reduce((s, [, v]) => s + v, 0);
  console.log(`\n=== bench:profile — ${DB}, ${PROCEDURE}, ${CONNECTIONS} connections × ${SECONDS} s ===`);
  console.log(
    `${requests} requests (${(requests / SECONDS).toFixed(1)} req/s); main thread busy ${(busy / 1000).toFixed(0)} ms of ${((to - from) / 1000).toFixed(0)} ms`,
  );
  console.log(`${"part".padEnd(34)}${"CPU ms/request".padStart(16)}${"share".padStart(8)}`);
  for (const [part, us] of [...micros].sort((a, b) => b[1] - a[1])) {
    if (part === "(idle)") continue;
    console.log(
      `${part.padEnd(34)}${(us / 1000 / requests).toFixed(3).padStart(16)}${`${((100 * us) / busy).toFixed(1)} %`.padStart(8)}`,
    );
  }
  console.log(`idle ${(((micros.get("(idle)") ?? 0) / (to - from)) * 100).toFixed(1)} % of the window`);
}

/** The PlugChat portal's process (scripts/serve.mjs on PORT) below the e2e server. */
function portalPid(root: number): number {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      if (cmd.some((a) => a.endsWith("serve.mjs")) && cmd.includes(String(PORT))) return Number(entry);
    } catch {
      /* ended */
    }
  }
  throw new Error(`no portal process below ${root}`);
}

async function main(): Promise<void> {
  if (!existsSync(path.join(PORTAL_DIR, ".next/BUILD_ID"))) throw new Error(`no production build in ${PORTAL_DIR}`);
  const profDir = mkdtempSync(path.join(tmpdir(), "portal-prof-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_OPTIONS: `--import ${path.resolve("bench/cpu-profile-preload.mjs")}`,
    CPU_PROFILE_DIR: profDir,
    E2E_PORT: String(PORT),
    E2E_EMULATOR_PORT: "4860",
    E2E_CDP_PORT: "3851",
    E2E_CDP_EMULATOR_PORT: "4870",
    E2E_SMTP_PORT: "4880",
    E2E_DATA_DIR: ".data/profile",
    E2E_SKIP_BUILD: "1",
    E2E_CDP: "0",
    LOG_LEVEL: "error",
  };
  delete env.DATABASE_URL;
  let admin: pg.Client | undefined;
  const dbName = `portal_profile_${Date.now().toString(36)}`;
  if (DB === "postgres") {
    admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`create database "${dbName}"`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${dbName}`;
    env.DATABASE_URL = url.toString();
  }
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/e2e-server.ts"], {
    cwd: PORTAL_DIR,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<void>((r) => server.once("exit", () => r()));
  let from = 0;
  let to = 0;
  let requests = 0;
  try {
    for (let waited = 0; ; waited += 500) {
      if (waited > 240_000) throw new Error("the portal did not start");
      const up = await fetch(`${ORIGIN}/sign-in`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (up) break;
      await sleep(500);
    }
    const { done: cookie } = await setUpTenants(ORIGIN, PORTAL_DIR);
    const input = PROCEDURE === "operators.page" ? { page: 1, pageSize: 25 } : undefined;
    const query = input ? `?input=${encodeURIComponent(JSON.stringify({ json: input }))}` : "";
    const url = `${ORIGIN}/api/trpc/${PROCEDURE}${query}`;
    const loop = async (seconds: number, count: boolean) => {
      const until = Date.now() + seconds * 1000;
      await Promise.all(
        Array.from({ length: CONNECTIONS }, async () => {
          while (Date.now() < until) {
            const res = await fetch(url, { headers: { cookie, origin: ORIGIN } });
            await res.arrayBuffer();
            if (!res.ok) throw new Error(`${PROCEDURE} → ${res.status}`);
            if (count) requests++;
          }
        }),
      );
    };
    await loop(3, false);
    const portal = portalPid(server.pid!);
    process.kill(portal, "SIGUSR2");
    from = nowMicros();
    await loop(SECONDS, true);
    to = nowMicros();
    process.kill(portal, "SIGUSR2");
    await sleep(2_000);
  } finally {
    server.kill("SIGTERM");
    await Promise.race([exited, sleep(20_000)]);
    if (admin) {
      await admin.query(`drop database if exists "${dbName}" with (force)`).catch(() => undefined);
      await admin.end();
    }
  }
  await sleep(1_000);
  // The portal's profile: the one with the most samples inside the window.
  let best: { profile: CpuProfile; inWindow: number } | undefined;
  for (const file of readdirSync(profDir)) {
    const profile = JSON.parse(readFileSync(path.join(profDir, file), "utf8")) as CpuProfile;
    let t = profile.startTime;
    let inWindow = 0;
    for (const d of profile.timeDeltas) {
      t += d;
      if (t >= from && t <= to) inWindow++;
    }
    if (!best || inWindow > best.inWindow) best = { profile, inWindow };
  }
  if (!best?.inWindow) throw new Error(`no profile covers the measured window (${profDir})`);
  summarize(best.profile, from, to, requests);
  console.log(`profiles: ${profDir}`);
}

await main();
