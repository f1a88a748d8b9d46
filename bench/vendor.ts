/**
 * `npm run bench:vendor` — figures for the PlugChat vendor layer.
 * 1. Emulator throughput: create-operator at concurrency 16 for ~5 s (calls/s, p50, p99), from a
 *    lean node:http keep-alive generator and again through the real client,
 *    the emulator running in a CHILD process so it does not share the load generator's loop.
 * 2. Client overhead: N sequential create-operator calls through the client interleaved with
 *    the same call as a bare request over the client's own transport (node:http keep-alive);
 *    p50 of each and the difference (what validation, logging and the retry wrapper cost).
 * The client imports `server-only`, so this script re-runs itself under the `react-server`
 * export condition (as Next.js does for server code).
 */
import { spawn } from "node:child_process";
import { Agent, request } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { percentile, REACT_SERVER_CONDITION, startEmulatorChild } from "./support";

const CONDITION = REACT_SERVER_CONDITION;
const here = fileURLToPath(import.meta.url);

const TOKEN = "bench-integrator-token";
const CONCURRENCY = 16;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 5_000);
const OVERHEAD_N = Number(process.env.BENCH_OVERHEAD_N ?? 2_000);

const fmt = (ms: number): string => `${ms.toFixed(3)} ms`;

/** Runs `call` from CONCURRENCY workers for DURATION_MS; latencies sorted ascending. */
async function load(
  call: () => Promise<void>,
): Promise<{ sorted: number[]; errors: number; elapsed: number; rate: number }> {
  const sorted: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + DURATION_MS;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          await call();
          sorted.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  sorted.sort((a, b) => a - b);
  return { sorted, errors, elapsed, rate: sorted.length / elapsed };
}

async function main(): Promise<void> {
  const pino = (await import("pino")).default;
  const { createPlugchatClient } = await import("../server/providers/plugchat/client");
  const { nodeHttpFetch } = await import("../server/providers/node-http-fetch");
  const dir = mkdtempSync(path.join(tmpdir(), "plugchat-bench-"));
  const { child, origin } = await startEmulatorChild({
    port: 0,
    stateFile: path.join(dir, "state.json"),
    token: TOKEN,
    timeoutMs: 20_000,
  });
  const baseUrl = `${origin}/integrator`;
  // Production-like logging (info level, one line per call) into /dev/null.
  const logger = pino({ level: "info" }, pino.destination({ dest: "/dev/null", sync: true }));
  const client = createPlugchatClient({ baseUrl, token: TOKEN, timeoutMs: 10_000, logger });

  try {
    const { accountId } = await client.createAccount({ externalId: "bench", name: "Bench", active: true });
    const body = { name: "Operador bench", active: true, departments: [] as string[] };

    // Warm-up (JIT, connection pool).
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let i = 0; i < 50; i++) await client.createOperator(accountId, body);
      }),
    );

    // 1. Throughput at concurrency 16: a lean keep-alive node:http generator (so the figure is the
    //    emulator's, not undici's), then the same load through the real client.
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const target = new URL(`${baseUrl}/account/${encodeURIComponent(accountId)}/operators`);
    const payload = JSON.stringify(body);
    const rawCall = (): Promise<void> =>
      new Promise((resolve, reject) => {
        const req = request(
          {
            agent,
            host: target.hostname,
            port: target.port,
            path: target.pathname,
            method: "POST",
            headers: {
              Authorization: `Bearer ${TOKEN}`,
              "Content-Type": "application/json",
              "Content-Length": Buffer.byteLength(payload),
            },
          },
          (res) => {
            res.resume();
            res.on("end", () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
          },
        );
        req.on("error", reject);
        req.end(payload);
      });
    const raw = await load(rawCall);
    const viaClientLoad = await load(() => client.createOperator(accountId, body).then(() => undefined));
    agent.destroy();

    // 2. Client overhead over a bare request of the same call on the same transport, interleaved.
    const url = `${baseUrl}/account/${encodeURIComponent(accountId)}/operators`;
    const headers = {
      Authorization: `Bearer ${TOKEN}`,
      "Content-Type": "application/json",
      Accept: "application/json",
    };
    const json = JSON.stringify(body);
    const viaClient: number[] = [];
    const viaBare: number[] = [];
    for (let i = 0; i < OVERHEAD_N; i++) {
      const order = i % 2 === 0;
      for (const which of order ? ["client", "bare"] : ["bare", "client"]) {
        const t0 = performance.now();
        if (which === "client") {
          await client.createOperator(accountId, body);
          viaClient.push(performance.now() - t0);
        } else {
          const res = await nodeHttpFetch(url, { method: "POST", headers, body: json });
          JSON.parse(await res.text());
          viaBare.push(performance.now() - t0);
        }
      }
    }
    viaClient.sort((a, b) => a - b);
    viaBare.sort((a, b) => a - b);
    const overhead = percentile(viaClient, 50) - percentile(viaBare, 50);

    console.log("");
    console.log("PlugChat vendor bench (emulator in a child process, loopback)");
    console.log("─".repeat(64));
    // The emulator's capacity is the raw run; the client-driven run is bounded by the load
    // generator's own CPU (HTTP, zod, logging in one process) and is shown for reference.
    for (const [label, r, judged] of [
      ["raw node:http keep-alive — the emulator's capacity", raw, true],
      ["through the PlugChat client — generator-bound, for reference", viaClientLoad, false],
    ] as const) {
      console.log(`create-operator, concurrency ${CONCURRENCY}, ${r.elapsed.toFixed(2)} s — ${label}`);
      console.log(`  calls:        ${r.sorted.length} ok, ${r.errors} failed`);
      console.log(
        `  throughput:   ${r.rate.toFixed(0)} calls/s${judged ? `   (target ≥ 1500) ${r.rate >= 1500 ? "PASS" : "FAIL"}` : ""}`,
      );
      console.log(`  latency p50:  ${fmt(percentile(r.sorted, 50))}   p99 ${fmt(percentile(r.sorted, 99))}`);
    }
    console.log(
      `client overhead over a bare request on the same transport, ${OVERHEAD_N} interleaved pairs, sequential`,
    );
    console.log(`  client p50:   ${fmt(percentile(viaClient, 50))}   p99 ${fmt(percentile(viaClient, 99))}`);
    console.log(`  bare   p50:   ${fmt(percentile(viaBare, 50))}   p99 ${fmt(percentile(viaBare, 99))}`);
    console.log(`  overhead p50: ${fmt(overhead)}   (target ≤ 1 ms) ${overhead <= 1 ? "PASS" : "FAIL"}`);
    console.log("");
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!process.execArgv.includes(CONDITION)) {
  const child = spawn(process.execPath, [...process.execArgv, CONDITION, here, ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  child.on("exit", (code) => process.exit(code ?? 1));
} else {
  await main();
}
