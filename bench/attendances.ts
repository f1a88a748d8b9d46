/**
 * `npm run bench:attendances` — figures for the Atendimentos page.
 * 1. A fresh PostgreSQL database on BENCH_DATABASE_URL's server (default
 *    postgres://postgres@127.0.0.1:5432/postgres), created and dropped here — or, when PostgreSQL
 *    is unreachable, an in-memory PGlite (said so).
 * 2. BENCH_DELIVERIES (100,000) webhook deliveries in ONE organization: start + finish payloads of
 *    BENCH_DELIVERIES ÷ 2 attendances spread over the last 180 days, built as the emulator builds
 *    them. The first BENCH_PROCESSED (2,000) go through the real webhook processor (its throughput
 *    is printed); the rest are stored as processed and projected with the processor's own
 *    function (server/attendances/projection), in bulk, so the seed takes seconds, not minutes.
 * 3. attendances.list (every filter, search, period, a deep keyset page) and attendances.tiles
 *    through the tRPC caller (session, org scope, query, output), BENCH_QUERIES (240) calls each;
 *    prints p50/p95/p99 per query and overall (targets: list p95 ≤ 50 ms, tiles p95 ≤ 100 ms).
 * Server modules import `server-only`, so the script re-runs itself under the `react-server`
 * export condition (as Next.js does for server code).
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { measureLatencies, openBenchDatabase, REACT_SERVER_CONDITION } from "./support";

const CONDITION = REACT_SERVER_CONDITION;
process.env.LOG_LEVEL ??= "warn";
const here = fileURLToPath(import.meta.url);

const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 100_000);
const PROCESSED = Math.min(Number(process.env.BENCH_PROCESSED ?? 2_000), DELIVERIES);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 240);
const DAY_MS = 24 * 60 * 60 * 1000;

const FIRST = ["Ana", "Bruna", "Camila", "Daniela", "Helena", "Juliana", "Bruno", "Carlos", "João", "Lucas", "Paulo"];
const LAST = ["Silva", "Santos", "Oliveira", "Souza", "Lima", "Costa", "Ribeiro", "Alves", "Pereira", "Gomes"];
const DEPARTMENTS = ["Geral", "Vendas", "Suporte", "Financeiro"];
const OPERATORS = ["Ana Lima", "Bruno Costa", "Carla Dias", "Diego Rocha", "Eva Nunes", "Fábio Reis"];

/** Deterministic pseudo-random numbers (the same seed every run). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function payloads(n: number, now: number, random: () => number) {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const end = now - Math.floor(random() * 180 * DAY_MS);
  const start = end - Math.round((1 + random() * 24) * 60_000);
  const customer = {
    name: `${pick(FIRST)} ${pick(LAST)}`,
    phone: `55${pick(["11", "21", "44", "47", "85"])}9${String(Math.floor(random() * 1e8)).padStart(8, "0")}`,
  };
  const departament = pick(DEPARTMENTS);
  const operator = pick(OPERATORS);
  const chat = Object.fromEntries(
    Array.from({ length: 2 + Math.floor(random() * 10) }, (_, i) => [
      `m${i}`,
      { fromMe: i % 2 === 1, momment: start + i },
    ]),
  );
  return {
    start: {
      attendance: {
        attendanceNumber: n,
        customer,
        departament,
        startTime: start,
        startBy: operator,
        status: "STARTED",
      },
    },
    finish: {
      attendance: {
        attendanceNumber: n,
        customer,
        departament,
        startTime: start,
        endTime: end,
        finishBy: operator,
        ratingValue: pick([5, 5, 5, 4, 4, 3, 2, 1]),
        status: "FINISH",
      },
      chat,
    },
    receivedAt: new Date(end),
    customer,
  };
}

async function main(): Promise<void> {
  const { sql } = await import("drizzle-orm");
  const { callerFor, createMember } = await import("@/tests/helpers/context");
  const { attendances, webhookDeliveries } = await import("@/server/db/schema");
  const { attendanceFromDelivery } = await import("@/server/attendances/projection");
  const { processPendingWebhooks } = await import("@/server/webhooks/processor");
  const { ZFinishAttendanceWebhook } = await import("@/server/providers/plugchat/contract");

  const cleanups: Array<() => Promise<void> | void> = [];
  try {
    // ---------- database ----------
    const { handle, label: dbLabel, cleanup } = await openBenchDatabase("bench_attendances");
    cleanups.push(cleanup);
    const db = handle.db;
    console.log(`bench:attendances — database: ${dbLabel}; ${DELIVERIES} deliveries in one organization`);

    // ---------- seed ----------
    const owner = await createMember(db, { role: "owner" });
    const member = await createMember(db, { role: "member", organizationId: owner.organizationId });
    const org = owner.organizationId;
    const random = rng(15);
    const now = Date.now();
    const count = Math.floor(DELIVERIES / 2);
    const processedAttendances = Math.floor(PROCESSED / 2);
    const seedStarted = performance.now();
    let sample: { name: string; phone: string } | undefined;

    // a) through the real processor: stored unprocessed, then processed one by one.
    const pending = [];
    for (let n = 1; n <= processedAttendances; n++) {
      const p = payloads(n, now, random);
      for (const event of ["start", "finish"] as const) {
        pending.push({
          organizationId: org,
          event,
          dedupeKey: `attendance:${n}`,
          rawBody: JSON.stringify(p[event]),
          receivedAt: p.receivedAt,
        });
      }
    }
    for (let i = 0; i < pending.length; i += 1_000)
      await db.insert(webhookDeliveries).values(pending.slice(i, i + 1_000));
    const processStarted = performance.now();
    let handled = 0;
    for (;;) {
      const n = await processPendingWebhooks(db, 500);
      handled += n;
      if (n === 0) break;
    }
    const processMs = performance.now() - processStarted;

    // b) the rest in bulk: deliveries stored as processed, attendances projected with the same function.
    for (let n = processedAttendances + 1; n <= count; n += 1_000) {
      const deliveries = [];
      const rows = [];
      for (let k = n; k < Math.min(n + 1_000, count + 1); k++) {
        const p = payloads(k, now, random);
        if (k === Math.floor(count / 2)) sample = p.customer;
        for (const event of ["start", "finish"] as const) {
          deliveries.push({
            organizationId: org,
            event,
            dedupeKey: `attendance:${k}`,
            rawBody: JSON.stringify(p[event]),
            receivedAt: p.receivedAt,
            processedAt: p.receivedAt,
            attempts: 1,
          });
        }
        rows.push(attendanceFromDelivery(org, "finish", ZFinishAttendanceWebhook.parse(p.finish), p.receivedAt)!);
      }
      await db.insert(webhookDeliveries).values(deliveries);
      await db.insert(attendances).values(rows);
    }
    if (handle.kind === "postgres") await db.execute(sql`analyze attendances`);
    const [{ n: stored } = { n: 0 }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(attendances)
      .where(sql`${attendances.organizationId} = ${org}`);
    console.log(
      `seeded ${stored} attendances from ${DELIVERIES} deliveries in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s; ` +
        `the processor handled ${handled} deliveries in ${(processMs / 1000).toFixed(2)} s (${(handled / (processMs / 1000)).toFixed(0)}/s)`,
    );

    // ---------- queries ----------
    const ownerCaller = callerFor({ db, member: owner });
    const memberCaller = callerFor({ db, member: member });
    const today = new Date(now - 3 * 3600_000).toISOString().slice(0, 10);
    const daysAgo = (d: number) => new Date(now - 3 * 3600_000 - d * DAY_MS).toISOString().slice(0, 10);
    const deep = await (async () => {
      let cursor: string | undefined;
      for (let i = 0; i < 40; i++)
        cursor = (await ownerCaller.attendances.list(cursor ? { cursor } : {})).nextCursor ?? undefined;
      return cursor;
    })();
    const listVariants: Array<{ label: string; input: Record<string, unknown>; asMember?: boolean }> = [
      { label: "newest, page 1", input: {} },
      { label: "member (masked), page 1", input: {}, asMember: true },
      { label: "page 41 (keyset)", input: deep ? { cursor: deep } : {} },
      { label: "last 7 days", input: { from: daysAgo(6), to: today } },
      { label: "one day 90 days ago", input: { from: daysAgo(90), to: daysAgo(90) } },
      { label: "department", input: { department: "Suporte" } },
      { label: "operator", input: { operator: "Eva Nunes" } },
      { label: "rating 1", input: { rating: 1 } },
      { label: "status open", input: { status: "open" } },
      { label: "search name 'souza'", input: { q: "souza" } },
      { label: "search full name", input: { q: sample?.name ?? "Ana Silva" } },
      { label: "search phone (8 digits)", input: { q: sample?.phone.slice(-8) ?? "12345678" } },
      {
        label: "dept + operator + rating + 30d",
        input: { department: "Vendas", operator: "Ana Lima", rating: 5, from: daysAgo(29), to: today },
      },
    ];
    const tileVariants: Array<{ label: string; input: Record<string, unknown> }> = [
      { label: "default (today + last 30 days)", input: {} },
      { label: "last 180 days", input: { from: daysAgo(179), to: today } },
      { label: "department, 30 days", input: { department: "Financeiro" } },
      { label: "operator, 90 days", input: { operator: "Bruno Costa", from: daysAgo(89), to: today } },
      { label: "search 'silva', 30 days", input: { q: "silva" } },
    ];
    const through = "through the tRPC caller (session, org scope, query, output)";
    const listOk = await measureLatencies(`1. attendances.list ${through}`, 50, QUERIES, listVariants, (v) =>
      (v.asMember ? memberCaller : ownerCaller).attendances.list(v.input),
    );
    const tilesOk = await measureLatencies(`2. attendances.tiles ${through}`, 100, QUERIES, tileVariants, (v) =>
      ownerCaller.attendances.tiles(v.input),
    );
    if (!listOk || !tilesOk) process.exitCode = 1;
  } finally {
    for (const c of cleanups.reverse())
      await Promise.resolve(c()).catch((e: unknown) => console.error("cleanup failed:", e));
  }
}

if (!process.execArgv.includes(CONDITION)) {
  const child = spawn(process.execPath, [...process.execArgv, CONDITION, here, ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  child.on("exit", (code) => process.exit(code ?? 1));
} else {
  await main();
  process.exit(process.exitCode ?? 0);
}
