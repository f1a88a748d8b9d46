/**
 * `npm run bench:load` — mixed authenticated tRPC reads and writes against a PRODUCTION
 * build on PostgreSQL, with the vendor emulator answering after 50 ms.
 *
 * 1. Creates a fresh PostgreSQL database (BENCH_DATABASE_URL's server, default
 *    postgres://postgres@127.0.0.1:5432/postgres) and starts scripts/e2e-server.ts on it
 *    (emulator + `next build` + `next start`; BENCH_SKIP_BUILD=1 reuses the last build).
 * 2. Signs up BENCH_CONNECTIONS organizations through the API and runs each through the
 *    wizard's vendor steps (account, departments, an operator linked to its owner).
 * 3. Runs BENCH_CONNECTIONS (50) concurrent clients for BENCH_SECONDS (60): 85 % reads
 *    (me.get, dashboard.summary — which asks the vendor —, departments.list, operators.list),
 *    15 % writes (operators.update: a rename at the vendor, with optimistic concurrency).
 * Prints status counts (5xx must be zero), throughput, p50/p95/p99 per kind and the
 * server's resident memory at the start and the end of the run.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { MAIL_DIR } from "../e2e/secrets";
import { percentile } from "./support";
import pg from "pg";

const PORT = process.env.BENCH_PORT ?? "3600";
const EMULATOR_PORT = process.env.BENCH_EMULATOR_PORT ?? "4610";
const ORIGIN = `http://127.0.0.1:${PORT}`;
const EMULATOR = `http://127.0.0.1:${EMULATOR_PORT}`;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const LATENCY_MS = Number(process.env.BENCH_VENDOR_LATENCY_MS ?? 50);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

// ---------- measurements ----------

const samples = new Map<string, number[]>();
const statuses = new Map<number, number>();
let failures = 0;

function record(kind: string, ms: number, status: number): void {
  (samples.get(kind) ?? samples.set(kind, []).get(kind)!).push(ms);
  statuses.set(status, (statuses.get(status) ?? 0) + 1);
}

// ---------- the server under test ----------

function descendants(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) children.push(Number(entry), ...descendants(Number(entry)));
    } catch {
      /* process ended */
    }
  }
  return children;
}

/** Resident memory of the `next start` process tree (the emulator excluded). */
function portalRssMiB(root: number): number {
  let kib = 0;
  for (const pid of descendants(root)) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (cmd.includes("emulators/")) continue;
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      kib += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      /* process ended */
    }
  }
  return kib / 1024;
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
  throw new Error(`${url} did not come up`);
}

// ---------- tRPC over HTTP, as the browser does ----------

interface Client {
  cookie: string;
}

async function call(
  client: Client | null,
  kind: string,
  type: "query" | "mutation",
  path: string,
  input?: unknown,
): Promise<unknown> {
  const started = performance.now();
  const headers: Record<string, string> = { origin: ORIGIN };
  if (client) headers.cookie = client.cookie;
  let res: Response;
  if (type === "query") {
    const qs = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
    res = await fetch(`${ORIGIN}/api/trpc/${path}${qs}`, { headers });
  } else {
    res = await fetch(`${ORIGIN}/api/trpc/${path}`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ json: input ?? null }),
    });
  }
  const body = (await res.json()) as { result?: { data: { json: unknown } }; error?: unknown };
  record(kind, performance.now() - started, res.status);
  if (!res.ok) {
    failures++;
    throw Object.assign(new Error(`${path} → ${res.status}`), { status: res.status, body });
  }
  return { data: body.result?.data.json, setCookie: res.headers.getSetCookie() };
}

interface Tenant {
  client: Client;
  operatorId: string;
  version: number;
}

/** The verification token e-mailed to `address` (scripts/e2e-server.ts's mail sink writes each message to MAIL_DIR). */
async function verificationTokenFor(address: string): Promise<string> {
  for (let waited = 0; waited < 30_000; waited += 100) {
    let files: string[] = [];
    try {
      files = readdirSync(MAIL_DIR);
    } catch {
      /* the sink has not written anything yet */
    }
    for (const file of files) {
      const mail = JSON.parse(readFileSync(path.join(MAIL_DIR, file), "utf8")) as { to: string[]; text: string };
      const token = mail.to.includes(address) ? /\/verify-email\/([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1] : undefined;
      if (token) return token;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no verification e-mail to ${address}`);
}

async function setUpTenant(i: number): Promise<Tenant> {
  const email = `bench.${Date.now().toString(36)}.${i}.${randomBytes(3).toString("hex")}@example.com`;
  const signUp = (await call(null, "setup", "mutation", "auth.signUp", {
    name: `Bench User ${i}`,
    email,
    password: "uma frase secreta bem longa",
    companyName: `Bench Co ${i}`,
  })) as { setCookie: string[] };
  const client: Client = { cookie: signUp.setCookie.map((c) => c.split(";")[0]).join("; ") };
  // Nothing is created at the vendor before the e-mail is confirmed: use the link the portal e-mailed.
  await call(client, "setup", "mutation", "verification.confirm", { token: await verificationTokenFor(email) });
  await call(client, "setup", "mutation", "onboarding.createAccount", {
    companyName: `Bench Co ${i}`,
    sessionName: `Bench ${i}`,
  });
  const depts = (await call(client, "setup", "mutation", "departments.refresh")) as {
    data: { items: Array<{ id: string }> };
  };
  const op = (await call(client, "setup", "mutation", "operators.create", {
    name: `Bench User ${i}`,
    departmentIds: [depts.data.items[0]!.id],
    isAdmin: true,
    linkToMe: true,
  })) as { data: { id: string; version: number } };
  return { client, operatorId: op.data.id, version: op.data.version };
}

const READS: Array<[string, string]> = [
  ["me.get", "me.get"],
  ["dashboard.summary", "dashboard.summary"],
  ["departments.list", "departments.list"],
  ["operators.list", "operators.list"],
];

async function virtualUser(tenant: Tenant, until: number): Promise<void> {
  let n = 0;
  while (Date.now() < until) {
    n++;
    try {
      if (Math.random() < 0.15) {
        const updated = (await call(tenant.client, "operators.update (write)", "mutation", "operators.update", {
          id: tenant.operatorId,
          version: tenant.version,
          name: `Bench User ${n % 2 === 0 ? "Silva" : "Souza"}`,
        })) as { data: { version: number } };
        tenant.version = updated.data.version;
      } else {
        const [kind, path] = READS[Math.floor(Math.random() * READS.length)]!;
        await call(tenant.client, kind, "query", path);
      }
    } catch {
      /* counted in `failures` and the status table */
    }
  }
}

// ---------- run ----------

async function main(): Promise<void> {
  const dbName = `portal_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database "${dbName}"`);
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${dbName}`;

  let server: ChildProcess | undefined;
  const cleanUp = async () => {
    server?.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1_500));
    await admin.query(`drop database if exists "${dbName}" with (force)`).catch(() => undefined);
    await admin.end();
  };

  try {
    console.log(`database ${dbName}; building and starting the production server…`);
    server = spawn(process.execPath, ["--import", "tsx", "scripts/e2e-server.ts"], {
      env: {
        ...process.env,
        DATABASE_URL: dbUrl.toString(),
        E2E_PORT: PORT,
        E2E_EMULATOR_PORT: EMULATOR_PORT,
        // The e2e server's other listeners, off the e2e defaults so a test run can go on meanwhile.
        E2E_CDP_PORT: process.env.BENCH_CDP_PORT ?? "3601",
        E2E_CDP_EMULATOR_PORT: process.env.BENCH_CDP_EMULATOR_PORT ?? "4620",
        E2E_SMTP_PORT: process.env.BENCH_SMTP_PORT ?? "4630",
        E2E_DATA_DIR: ".data/bench",
        E2E_SKIP_BUILD: process.env.BENCH_SKIP_BUILD ?? "0",
        PLUGCHAT_TIMEOUT_MS: "10000",
        LOG_LEVEL: "error",
      },
      stdio: ["ignore", "inherit", "inherit"],
    });
    await waitFor(`${ORIGIN}/sign-in`, 420_000);
    await waitFor(`${EMULATOR}/__emulator/state`, 10_000);

    console.log(`setting up ${CONNECTIONS} organizations…`);
    const tenants: Tenant[] = [];
    for (let i = 0; i < CONNECTIONS; i += 10) {
      tenants.push(
        ...(await Promise.all(Array.from({ length: Math.min(10, CONNECTIONS - i) }, (_, k) => setUpTenant(i + k)))),
      );
    }
    // Only the measured phase counts.
    samples.clear();
    statuses.clear();
    failures = 0;

    await fetch(`${EMULATOR}/__emulator/latency`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ latencyMs: LATENCY_MS }),
    });
    const rssStart = portalRssMiB(server.pid!);
    console.log(`running ${CONNECTIONS} connections for ${SECONDS} s, vendor latency ${LATENCY_MS} ms…`);
    const started = Date.now();
    await Promise.all(tenants.map((t) => virtualUser(t, started + SECONDS * 1000)));
    const elapsed = (Date.now() - started) / 1000;
    const rssEnd = portalRssMiB(server.pid!);

    const all = [...samples.values()].flat().sort((a, b) => a - b);
    const fiveXX = [...statuses.entries()].filter(([s]) => s >= 500).reduce((sum, [, n]) => sum + n, 0);
    console.log("\n=== bench:load ===");
    console.log(`requests ${all.length} in ${elapsed.toFixed(1)} s → ${(all.length / elapsed).toFixed(1)} req/s`);
    console.log(`status codes ${JSON.stringify(Object.fromEntries(statuses))}; 5xx: ${fiveXX}; non-2xx: ${failures}`);
    console.log(
      `latency all: p50 ${percentile(all, 50).toFixed(1)} ms · p95 ${percentile(all, 95).toFixed(1)} ms · p99 ${percentile(all, 99).toFixed(1)} ms`,
    );
    for (const [kind, list] of [...samples.entries()].sort()) {
      const sorted = list.sort((a, b) => a - b);
      console.log(
        `  ${kind.padEnd(26)} n=${String(sorted.length).padStart(6)}  p50 ${percentile(sorted, 50).toFixed(1).padStart(7)} ms  p99 ${percentile(sorted, 99).toFixed(1).padStart(7)} ms`,
      );
    }
    console.log(`server memory (RSS): start ${rssStart.toFixed(0)} MiB → end ${rssEnd.toFixed(0)} MiB`);
    if (fiveXX > 0) process.exitCode = 1;
  } finally {
    await cleanUp();
  }
}

await main();
