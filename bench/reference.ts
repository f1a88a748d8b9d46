/**
 * `npm run bench:reference` — the portal beside a reference app of the same stack (issue 13's
 * table), measured the same way in one run, in alternating rounds, medians printed.
 *
 *   REFERENCE_DIR   a production build of the reference, e.g. create-t3-app rebuilt on our
 *                   next/react/@trpc versions (`npx create-t3-app@7.40.0 t3ref --CI --trpc true
 *                   --tailwind true --appRouter true --noGit`, pin the versions, `next build`).
 *                   Its code is never committed here.
 *   PORTALS         label=dir,… production builds of the portal (default `portal=.`); e.g.
 *                   `before=../wt-before,after=.` compares two commits.
 *   BENCH_ROUNDS    rounds (5); each round visits every app, in a rotated order.
 *   BENCH_ONLY=cold only the cold start (quick).
 *
 * Per round and app:
 *   cold start   spawn → first 200 (reference `/` with `next start`; portal /sign-in with
 *                `npm start`'s scripts/serve.mjs on an already-migrated embedded data folder);
 *   JS           Resource Timing encodedBodySize of every script a fresh browser context
 *                downloads: reference `/`; portal /sign-in, /sign-up, and signed in: /, /chat,
 *                two onboarding steps, every team page, /account;
 *   LCP, load    reference `/` vs portal /sign-in, unthrottled and at 4× CPU + "Slow 4G"
 *                (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, DevTools' 0.9 factor);
 *   req/s        20 connections × 10 s after 3 s of warm-up: the anonymous page (reference `/`,
 *                portal /sign-in) and one tRPC query (reference post.hello, portal operators.page
 *                of 25, authenticated, embedded database as shipped).
 * The portal runs under scripts/e2e-server.ts (emulator, mail sink, its production build; no
 * build is made here). Only loopback addresses are used.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { setUpTenants } from "./portal-client";
import { coldStartEnv, percentile } from "./support";

const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5));
const CONNECTIONS = 20;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 3;
const PORT = 3750;
const REFERENCE_DIR = process.env.REFERENCE_DIR ? path.resolve(process.env.REFERENCE_DIR) : "";
const PORTALS = (process.env.PORTALS ?? "portal=.").split(",").map((pair) => {
  const [label, dir] = pair.split("=");
  return { label: label!, dir: path.resolve(dir ?? ".") };
});

type Sample = Map<string, number[]>;
const results = new Map<string, Sample>();
function note(app: string, figure: string, value: number): void {
  const sample = results.get(app) ?? results.set(app, new Map()).get(app)!;
  (sample.get(figure) ?? sample.set(figure, []).get(figure)!).push(value);
}
const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const COLD_ONLY = process.env.BENCH_ONLY === "cold";

// ---------- processes ----------

interface Proc {
  child: ChildProcess;
  stop(): Promise<void>;
}

function start(command: string[], cwd: string, env: NodeJS.ProcessEnv): Proc {
  const child = spawn(command[0]!, command.slice(1), { cwd, env, stdio: ["ignore", "ignore", "inherit"] });
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  return {
    child,
    stop: async () => {
      child.kill("SIGTERM");
      await Promise.race([exited, sleep(15_000)]);
    },
  };
}

/** Milliseconds from now until `url` answers 200 (polling every 5 ms). */
async function untilOk(url: string, proc: Proc, timeoutMs: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (proc.child.exitCode !== null) throw new Error(`${url}: the server exited`);
    if (performance.now() - started > timeoutMs) throw new Error(`${url}: no 200 within ${timeoutMs} ms`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - started;
    } catch {
      /* not listening yet */
    }
    await sleep(5);
  }
}

const NEXT = (dir: string) => path.join(dir, "node_modules", "next", "dist", "bin", "next");

function referenceServer(): Proc {
  return start([process.execPath, NEXT(REFERENCE_DIR), "start", "-p", String(PORT), "-H", "127.0.0.1"], REFERENCE_DIR, {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    SKIP_ENV_VALIDATION: "1",
  });
}

/** The portal as `npm start` runs it, on its own embedded data folder (the vendor is not needed on /sign-in). */
function portalColdServer(dir: string): Proc {
  const origin = `http://127.0.0.1:${PORT}`;
  const env = coldStartEnv(origin, path.join(dir, ".data/reference-cold"));
  return start([process.execPath, "scripts/serve.mjs", "-p", String(PORT), "-H", "127.0.0.1"], dir, env);
}

/** The portal with its emulator and mail sink (scripts/e2e-server.ts, no build). */
function portalFullServer(dir: string): Proc {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    E2E_PORT: String(PORT),
    E2E_EMULATOR_PORT: "4760",
    E2E_CDP_PORT: "3751",
    E2E_CDP_EMULATOR_PORT: "4770",
    E2E_SMTP_PORT: "4780",
    E2E_DATA_DIR: ".data/reference",
    E2E_SKIP_BUILD: "1",
    LOG_LEVEL: "error",
  };
  delete env.DATABASE_URL;
  return start([process.execPath, "--import", "tsx", "scripts/e2e-server.ts"], dir, env);
}

// ---------- the browser ----------

const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: ((1.6 * 1024 * 1024) / 8) * 0.9,
  uploadThroughput: ((750 * 1024) / 8) * 0.9,
};

async function visit(
  browser: Browser,
  url: string,
  options: { cookie?: string; throttled?: boolean } = {},
): Promise<{ js: number; lcp: number; load: number; finalUrl: string }> {
  const context = await browser.newContext({ locale: "pt-BR" });
  try {
    if (options.cookie) {
      await context.addCookies(
        options.cookie.split("; ").map((pair) => {
          const at = pair.indexOf("=");
          return { name: pair.slice(0, at), value: pair.slice(at + 1), url: new URL(url).origin };
        }),
      );
    }
    const page = await context.newPage();
    if (options.throttled) {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    }
    await page.goto(url, { waitUntil: "load", timeout: 120_000 });
    await page.waitForLoadState("networkidle", { timeout: 60_000 }).catch(() => undefined);
    const figures = await page.evaluate(async () => {
      const lcp = await new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          resolve(entries[entries.length - 1]!.startTime);
        }).observe({ type: "largest-contentful-paint", buffered: true });
        setTimeout(() => resolve(Number.NaN), 3_000);
      });
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const js = (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
        .filter((e) => e.initiatorType === "script" || new URL(e.name).pathname.endsWith(".js"))
        .reduce((sum, e) => sum + e.encodedBodySize, 0);
      return { js, lcp, load: nav.loadEventStart };
    });
    return { ...figures, finalUrl: page.url() };
  } finally {
    await context.close();
  }
}

// ---------- load ----------

async function reqPerSecond(url: string, cookie?: string): Promise<{ rps: number; p99: number; failures: number }> {
  const headers: Record<string, string> = { origin: new URL(url).origin };
  if (cookie) headers.cookie = cookie;
  const loop = async (seconds: number, times: number[]) => {
    let failures = 0;
    const until = Date.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (Date.now() < until) {
          const t = performance.now();
          try {
            const res = await fetch(url, { headers });
            await res.arrayBuffer();
            if (!res.ok) failures++;
          } catch {
            failures++;
          }
          times.push(performance.now() - t);
        }
      }),
    );
    return { elapsed: (performance.now() - started) / 1000, failures };
  };
  await loop(WARMUP_SECONDS, []);
  const times: number[] = [];
  const { elapsed, failures } = await loop(SECONDS, times);
  times.sort((a, b) => a - b);
  return { rps: times.length / elapsed, p99: percentile(times, 99), failures };
}

// ---------- one app, one round ----------

const SIGNED_IN_ROUTES = [
  "/",
  "/chat",
  "/team/operators",
  "/team/members",
  "/team/departments",
  "/team/import",
  "/team/sync",
  "/team/audit",
  "/account",
];

async function measureReference(browser: Browser): Promise<void> {
  const app = "reference";
  const origin = `http://127.0.0.1:${PORT}`;
  const cold = referenceServer();
  try {
    note(app, "cold start ms", await untilOk(`${origin}/`, cold, 60_000));
  } finally {
    await cold.stop();
  }
  if (COLD_ONLY) return;
  const server = referenceServer();
  try {
    await untilOk(`${origin}/`, server, 60_000);
    await visit(browser, `${origin}/`); // first render compiled nothing, but warms the OS caches alike
    const plain = await visit(browser, `${origin}/`);
    const slow = await visit(browser, `${origin}/`, { throttled: true });
    note(app, "JS / (B)", plain.js);
    note(app, "LCP ms", plain.lcp);
    note(app, "LCP throttled ms", slow.lcp);
    note(app, "load throttled ms", slow.load);
    const pageLoad = await reqPerSecond(`${origin}/`);
    note(app, "page req/s", pageLoad.rps);
    const input = encodeURIComponent(JSON.stringify({ json: { text: "from tRPC" } }));
    const api = await reqPerSecond(`${origin}/api/trpc/post.hello?input=${input}`);
    note(app, "api req/s", api.rps);
    note(app, "api p99 ms", api.p99);
  } finally {
    await server.stop();
  }
}

async function measurePortal(browser: Browser, label: string, dir: string): Promise<void> {
  const origin = `http://127.0.0.1:${PORT}`;
  const cold = portalColdServer(dir);
  try {
    note(label, "cold start ms", await untilOk(`${origin}/sign-in`, cold, 120_000));
  } finally {
    await cold.stop();
  }
  if (COLD_ONLY) return;
  const server = portalFullServer(dir);
  try {
    await untilOk(`${origin}/sign-in`, server, 180_000);
    await untilOk(`http://127.0.0.1:3751/sign-in`, server, 180_000); // the CDP portal: both up, nothing starts later
    const tenants = await setUpTenants(origin, dir);
    await visit(browser, `${origin}/sign-in`);
    const plain = await visit(browser, `${origin}/sign-in`);
    const slow = await visit(browser, `${origin}/sign-in`, { throttled: true });
    note(label, "JS /sign-in (B)", plain.js);
    note(label, "LCP ms", plain.lcp);
    note(label, "LCP throttled ms", slow.lcp);
    note(label, "load throttled ms", slow.load);
    note(label, "JS /sign-up (B)", (await visit(browser, `${origin}/sign-up`)).js);
    for (const route of SIGNED_IN_ROUTES) {
      const v = await visit(browser, `${origin}${route}`, { cookie: tenants.done });
      if (new URL(v.finalUrl).pathname !== route) throw new Error(`${route} went to ${v.finalUrl}`);
      note(label, `JS ${route} (B)`, v.js);
    }
    for (const route of ["/onboarding/departments", "/onboarding/operators"]) {
      const v = await visit(browser, `${origin}${route}`, { cookie: tenants.midway });
      note(label, `JS ${route} (B)`, v.js);
    }
    const pageLoad = await reqPerSecond(`${origin}/sign-in`);
    note(label, "page req/s", pageLoad.rps);
    const input = encodeURIComponent(JSON.stringify({ json: { page: 1, pageSize: 25 } }));
    const api = await reqPerSecond(`${origin}/api/trpc/operators.page?input=${input}`, tenants.done);
    if (api.failures) throw new Error(`operators.page: ${api.failures} failures`);
    note(label, "api req/s", api.rps);
    note(label, "api p99 ms", api.p99);
  } finally {
    await server.stop();
  }
}

// ---------- main ----------

async function main(): Promise<void> {
  if (!REFERENCE_DIR || !existsSync(path.join(REFERENCE_DIR, ".next/BUILD_ID")))
    throw new Error("REFERENCE_DIR must name a reference app with a production build (see the header)");
  for (const { label, dir } of PORTALS) {
    if (!existsSync(path.join(dir, ".next/BUILD_ID"))) throw new Error(`${label}: no production build in ${dir}`);
    // The cold start is measured on a migrated data folder: the first, unmeasured start migrates it.
    rmSync(path.join(dir, ".data/reference-cold"), { recursive: true, force: true });
    const first = portalColdServer(dir);
    await untilOk(`http://127.0.0.1:${PORT}/sign-in`, first, 180_000).finally(() => first.stop());
  }
  const browser = await chromium.launch({
    executablePath: existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  const apps = [{ label: "reference", dir: REFERENCE_DIR }, ...PORTALS];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const order = [...apps.slice(round % apps.length), ...apps.slice(0, round % apps.length)];
      for (const app of order) {
        const t = performance.now();
        if (app.label === "reference") await measureReference(browser);
        else await measurePortal(browser, app.label, app.dir);
        console.log(`round ${round + 1}/${ROUNDS} ${app.label}: ${((performance.now() - t) / 1000).toFixed(0)} s`);
      }
    }
  } finally {
    await browser.close();
  }
  printTable(apps.map((a) => a.label));
}

function printTable(labels: string[]): void {
  const ref = results.get("reference")!;
  const refOf = (figure: string) => {
    if (figure.startsWith("JS ")) return median(ref.get("JS / (B)")!);
    return ref.has(figure) ? median(ref.get(figure)!) : Number.NaN;
  };
  const figures = [...new Set(labels.flatMap((l) => [...(results.get(l)?.keys() ?? [])]))];
  const fmt = (n: number) => (Number.isNaN(n) ? "—" : Math.round(n).toLocaleString("en-US"));
  console.log(`\n=== bench:reference — medians of ${ROUNDS} alternating rounds (× reference in brackets) ===`);
  console.log(`${"figure".padEnd(30)}${labels.map((l) => l.padStart(22)).join("")}`);
  for (const figure of figures) {
    const cells = labels.map((l) => {
      const values = results.get(l)?.get(figure);
      if (!values) return "".padStart(22);
      const m = median(values);
      const ratio = l === "reference" ? "" : ` (${(m / refOf(figure)).toFixed(2)})`;
      return `${fmt(m)}${ratio}`.padStart(22);
    });
    console.log(`${figure.padEnd(30)}${cells.join("")}`);
  }
  const raw = Object.fromEntries([...results].map(([app, s]) => [app, Object.fromEntries(s)]));
  console.log(`\nall runs: ${JSON.stringify(raw)}`);
}

await main();
