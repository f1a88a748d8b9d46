/**
 * `npm run bench:import` — figures for the CSV operator import.
 * 1. The PlugChat emulator in a CHILD process on 127.0.0.1:BENCH_EMULATOR_PORT (4510) answering
 *    after BENCH_VENDOR_LATENCY_MS (50 ms); a fresh PostgreSQL database on
 *    BENCH_DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432/postgres), created
 *    and dropped here — or, when PostgreSQL is unreachable, an in-memory PGlite (said so).
 * 2. imports.start with BENCH_IMPORT_ROWS (1,000) operators, then the real import worker at
 *    IMPORT_CONCURRENCY (8) until the job is done. Prints elapsed, the floor
 *    (rows × latency ÷ concurrency) and their ratio (target ≤ 1.25); then where the time went:
 *    the vendor calls' mean and p95 (against the injected latency), how busy the vendor slots
 *    were, and this process's CPU per row.
 * 3. Seeds BENCH_OPERATORS (5,000) operators for one organization and calls operators.page
 *    — the query behind the team's operators table — the way the page does (its filters,
 *    sorts and pages) BENCH_QUERIES (240) times; prints p50/p95/p99 (target p95 ≤ 20 ms).
 * Server modules import `server-only`, so the script re-runs itself under the `react-server`
 * export condition (as Next.js does for server code).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openBenchDatabase, percentile, REACT_SERVER_CONDITION, startEmulatorChild } from "./support";

const CONDITION = REACT_SERVER_CONDITION;
// One info line per vendor call would bury the figures (LOG_LEVEL=info shows them).
process.env.LOG_LEVEL ??= "warn";
const here = fileURLToPath(import.meta.url);

const TOKEN = "bench-import-token";
const EMULATOR_PORT = Number(process.env.BENCH_EMULATOR_PORT ?? 4510);
const LATENCY_MS = Number(process.env.BENCH_VENDOR_LATENCY_MS ?? 50);
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000);
const OPERATORS = Number(process.env.BENCH_OPERATORS ?? 5_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 240);

async function main(): Promise<void> {
  const { createChatProvider } = await import("@/server/providers");
  const { ImportWorker, importConcurrencyFromEnv } = await import("@/server/provisioning/import-worker");
  const { callerFor, createMember } = await import("@/tests/helpers/context");
  const { operators, importJobRows } = await import("@/server/db/schema");
  const { eq } = await import("drizzle-orm");

  const concurrency = importConcurrencyFromEnv();
  const cleanups: Array<() => Promise<void> | void> = [];
  try {
    // ---------- emulator ----------
    const emu = await startEmulatorChild({
      port: EMULATOR_PORT,
      stateFile: path.join("/tmp", `bench-import-emulator-${process.pid}.json`),
      token: TOKEN,
    });
    cleanups.push(() => {
      emu.child.kill("SIGTERM");
    });
    const latency = await fetch(`${emu.origin}/__emulator/latency`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ latencyMs: LATENCY_MS }),
    });
    if (!latency.ok) throw new Error(`could not set the emulator latency: ${latency.status}`);

    // ---------- database ----------
    const { handle, label: dbLabel, cleanup } = await openBenchDatabase("bench_import");
    cleanups.push(cleanup);
    const db = handle.db;
    const provider = createChatProvider({ baseUrl: `${emu.origin}/integrator`, token: TOKEN, timeoutMs: 10_000 });

    console.log(
      `bench:import — database: ${dbLabel}; emulator ${emu.origin} (child process), latency ${LATENCY_MS} ms; IMPORT_CONCURRENCY=${concurrency}`,
    );

    // ---------- 1. import ----------
    const owner = await createMember(db, { role: "owner" });
    const caller = callerFor({ db, provider, member: owner });
    await caller.onboarding.createAccount({ companyName: "Bench Importadora", sessionName: "Bench" });
    for (const name of ["Vendas", "Suporte", "Financeiro"]) await caller.departments.create({ name });
    const lines = ["nome;departamentos;admin;login"];
    for (let i = 1; i <= ROWS; i++) {
      const dept = ["Vendas", "Suporte", "Vendas|Financeiro", ""][i % 4];
      lines.push(
        `Operador Bench ${String(i).padStart(5, "0")};${dept};${i % 10 === 0 ? "sim" : "não"};${i % 3 === 0 ? `op.${i}` : ""}`,
      );
    }
    const t0 = performance.now();
    const { jobId } = await caller.imports.start({ csv: lines.join("\r\n"), fileName: "bench.csv" });
    const startMs = performance.now() - t0;
    const calls: number[] = [];
    const worker = new ImportWorker({ db, provider: timingCreates(provider, calls), concurrency, pollMs: 50 });
    const cpu0 = process.cpuUsage();
    const t1 = performance.now();
    await worker.drain();
    const elapsed = performance.now() - t1;
    const cpu = process.cpuUsage(cpu0);
    const job = await caller.imports.get({ jobId });
    const state = (await (await fetch(`${emu.origin}/__emulator/state`)).json()) as {
      operators: Array<{ name: string }>;
      requestCounts: Record<string, number>;
    };
    const benchOps = state.operators.filter((o) => o.name.startsWith("Operador Bench "));
    const floor = (ROWS * LATENCY_MS) / concurrency;
    const ratio = elapsed / floor;
    console.log(`\n1. Import of ${ROWS} operators (imports.start ${startMs.toFixed(0)} ms, then the worker):`);
    console.log(
      `   job ${job.status}: done ${job.done}, failed ${job.failed}, remaining ${job.remaining}; vendor operators ${benchOps.length} (distinct names ${new Set(benchOps.map((o) => o.name)).size}), vendor creates ${state.requestCounts["POST /account/:id/operators"] ?? 0}`,
    );
    console.log(
      `   elapsed ${elapsed.toFixed(0)} ms · floor ${floor.toFixed(0)} ms (${ROWS} × ${LATENCY_MS} ms ÷ ${concurrency}) · ratio ${ratio.toFixed(3)} (target ≤ 1.25: ${ratio <= 1.25 ? "met" : "MISSED"})`,
    );
    calls.sort((a, b) => a - b);
    const busy = calls.reduce((a, b) => a + b, 0);
    console.log(
      `   where the time goes: vendor creates took mean ${(busy / calls.length).toFixed(1)} ms · p95 ${percentile(calls, 95).toFixed(1)} ms (injected ${LATENCY_MS} ms); the ${concurrency} vendor slots were busy ${((100 * busy) / (elapsed * concurrency)).toFixed(1)}% of the time; this process's CPU ${((cpu.user + cpu.system) / 1000 / ROWS).toFixed(2)} ms per row`,
    );
    const [rowsLeft] = await db
      .select({ n: importJobRows.id })
      .from(importJobRows)
      .where(eq(importJobRows.state, "queued"))
      .limit(1);
    if (job.status !== "done" || job.done !== ROWS || rowsLeft || benchOps.length !== ROWS)
      throw new Error("the import did not complete exactly once per row");

    // ---------- 2. operators table at 5,000 operators ----------
    const big = await createMember(db, { role: "owner" });
    const bigCaller = callerFor({ db, provider, member: big });
    const deptIds = [randomUUIDish(), randomUUIDish(), randomUUIDish()];
    const first = [
      "Ana",
      "Bruno",
      "Carla",
      "Diego",
      "Elisa",
      "Fábio",
      "Gabriela",
      "Heitor",
      "Íris",
      "João",
      "Larissa",
      "Marcos",
    ];
    const last = [
      "Silva",
      "Souza",
      "Oliveira",
      "Santos",
      "Lima",
      "Pereira",
      "Costa",
      "Almeida",
      "Ferreira",
      "Rodrigues",
    ];
    const seeded = Array.from({ length: OPERATORS }, (_, i) => ({
      organizationId: big.organizationId,
      vendorId: `bench-${i}`,
      name: `${first[i % first.length]} ${last[Math.floor(i / first.length) % last.length]} ${i}`,
      active: i % 7 !== 0,
      isAdmin: i % 20 === 0,
      departmentIds: i % 4 === 0 ? [] : [deptIds[i % 3]!],
      state: "synced" as const,
      createdAt: new Date(Date.now() - (OPERATORS - i) * 60_000),
    }));
    for (let i = 0; i < seeded.length; i += 500) await db.insert(operators).values(seeded.slice(i, i + 500));
    if (handle.kind === "postgres") {
      const { sql } = await import("drizzle-orm");
      await db.execute(sql`analyze operators`);
    }
    const variants: Array<{ label: string; input: Record<string, unknown> }> = [
      { label: "default (name ↑, page 1 of 25)", input: {} },
      { label: "page 100", input: { page: 100 } },
      { label: "100 per page, page 10", input: { pageSize: 100, page: 10 } },
      { label: "search 'silva'", input: { search: "silva" } },
      { label: "search '123'", input: { search: "123" } },
      { label: "inactive", input: { status: "inactive" } },
      { label: "admins", input: { admin: "yes" } },
      { label: "department", input: { departmentId: deptIds[1] } },
      { label: "newest first", input: { sort: "createdAt", dir: "desc" } },
      { label: "name ↓, page 50", input: { dir: "desc", page: 50 } },
      { label: "active + department + search", input: { status: "active", departmentId: deptIds[2], search: "silva" } },
      { label: "oldest, 50 per page, page 40", input: { sort: "createdAt", dir: "asc", pageSize: 50, page: 40 } },
    ];
    // Warm-up (connections, plans), not measured.
    for (const v of variants) await bigCaller.operators.page(v.input);
    const all: number[] = [];
    const perVariant = new Map<string, number[]>();
    for (let i = 0; i < QUERIES; i++) {
      const v = variants[i % variants.length]!;
      const s = performance.now();
      const page = await bigCaller.operators.page(v.input);
      const ms = performance.now() - s;
      if (page.total === 0 && i < variants.length && v.input.search === undefined)
        throw new Error(`no operators for ${v.label}`);
      all.push(ms);
      (perVariant.get(v.label) ?? perVariant.set(v.label, []).get(v.label)!).push(ms);
    }
    all.sort((a, b) => a - b);
    const p95 = percentile(all, 95);
    console.log(
      `\n2. operators.page at ${OPERATORS} operators, ${QUERIES} calls through the tRPC caller (session, org scope, query, output):`,
    );
    console.log(
      `   p50 ${percentile(all, 50).toFixed(2)} ms · p95 ${p95.toFixed(2)} ms · p99 ${percentile(all, 99).toFixed(2)} ms (target p95 ≤ 20 ms: ${p95 <= 20 ? "met" : "MISSED"})`,
    );
    for (const [label, xs] of perVariant) {
      xs.sort((a, b) => a - b);
      console.log(
        `   - ${label.padEnd(34)} p50 ${percentile(xs, 50).toFixed(2)} ms · max ${xs[xs.length - 1]!.toFixed(2)} ms`,
      );
    }
  } finally {
    for (const c of cleanups.reverse())
      await Promise.resolve(c()).catch((e: unknown) => console.error("cleanup failed:", e));
  }
}

/** The provider, with the duration of each createOperator call pushed to `into` (the rest untouched). */
function timingCreates<P extends { createOperator: (...args: never[]) => Promise<unknown> }>(
  provider: P,
  into: number[],
): P {
  return new Proxy(provider, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (prop !== "createOperator" || typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        const started = performance.now();
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } finally {
          into.push(performance.now() - started);
        }
      };
    },
  });
}

/** A department id that exists only in these operators' arrays (the filter reads the array). */
function randomUUIDish(): string {
  const h = randomBytes(16).toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

if (!process.execArgv.includes(CONDITION)) {
  const child = spawn(process.execPath, [...process.execArgv, CONDITION, here, ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  child.on("exit", (code) => process.exit(code ?? 1));
} else {
  await main();
  process.exit(0);
}
