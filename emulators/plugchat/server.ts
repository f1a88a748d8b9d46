/**
 * The PlugChat emulator: a real HTTP server (node:http) speaking the partner API under
 * `/integrator`, the control surface under `/__emulator`, and the browser SDK stand-in
 * under `/sdk`. `startPlugchatEmulator()` is what tests, the bench and the CLI use.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { createPersister } from "../shared/persist";
import { isJson, isLoopback, listen, readBody, send, sleep } from "../shared/http";
import { BASE_PATH, DEV_PLUGCHAT_TOKEN } from "./config";
import { accountView, handleControl, snapshot } from "./control";
import type { ControlDeps } from "./control";
import { applyFaultAfter, applyFaultBefore, createFaults } from "./faults";
import type { FaultInput, FaultReplies } from "./faults";
import { verifyJwt } from "./jwt";
import { SDK_SCRIPT, SDK_INIT_MAX_BYTES, SDK_INITS_KEPT, parseSdkInit, type RecordedSdkInit } from "./sdk";

const SDK_CORS = { "Access-Control-Allow-Origin": "*", "Cache-Control": "no-store" };
import { emptyState, loadState } from "./state";
import type { EmuState } from "./state";
import { matchRoute } from "./vendor";
import type { World } from "./vendor";

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** The integrator token the emulator accepts (default: the documented dev token). */
  token?: string;
  /** When set, state is loaded from and (debounced) written to this JSON file. */
  stateFile?: string;
  /** Wall clock (ms); the control surface can advance it further. */
  now?: () => number;
}

export interface PlugchatEmulator {
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  /** origin + "/integrator": what the client's baseUrl should be. */
  baseUrl: string;
  port: number;
  /** The live state (replaced by reset()). */
  readonly state: EmuState;
  close(): Promise<void>;
  /** Clean state, no faults, no latency, zeroed counters. */
  reset(): void;
  addFault(fault: FaultInput): void;
  clearFaults(): void;
  setLatency(ms: number): void;
  /** Requests seen per route key, e.g. "POST /account/:id/operators". */
  requestCount(key: string): number;
  snapshot(): ReturnType<typeof snapshot>;
  /** The init options the SDK stand-in reported, oldest first (the operator's token never: only whether one was given). */
  sdkInits(): readonly RecordedSdkInit[];
}

const FAULT_REPLIES: FaultReplies = {
  injected: (status) => ({ status, body: { reason: "injected fault" } }),
  rateLimited: () => ({ status: 429, body: { reason: "too many requests" } }),
  failedAfterCommit: (status) => ({ status, body: { reason: "internal error" } }),
  malformedText: '{"success": true, "id": "',
};

export async function startPlugchatEmulator(options: EmulatorOptions = {}): Promise<PlugchatEmulator> {
  const token = options.token ?? DEV_PLUGCHAT_TOKEN;
  const expectedAuth = `Bearer ${token}`;
  const clock = options.now ?? Date.now;
  let state = loadState(options.stateFile);
  const persister = createPersister(options.stateFile, () => state, { label: "plugchat emulator" });
  const faults = createFaults();
  const requestCounts = new Map<string, number>();
  /** The init options the SDK stand-in was given, newest last (GET /__emulator/sdk/inits). */
  const sdkInits: RecordedSdkInit[] = [];
  let latencyMs = 0;

  const world: World = {
    get state() {
      return state;
    },
    now: () => clock() + state.clockOffsetMs,
    changed: () => persister.schedule(),
  };

  const reset = (): void => {
    state = emptyState();
    faults.clear();
    requestCounts.clear();
    sdkInits.length = 0;
    latencyMs = 0;
    persister.schedule();
  };

  const deps: ControlDeps = {
    world,
    faults,
    requestCounts,
    setLatency: (ms) => {
      latencyMs = ms;
    },
    latency: () => latencyMs,
    sdkInits: () => sdkInits,
    reset,
  };

  const count = (key: string): void => {
    requestCounts.set(key, (requestCounts.get(key) ?? 0) + 1);
  };

  async function handleVendor(req: IncomingMessage, res: ServerResponse, vendorPath: string): Promise<void> {
    const method = req.method ?? "GET";
    const raw = await readBody(req);
    if (raw === null) return send(res, { status: 413, body: { reason: "payload too large" } });
    let match: ReturnType<typeof matchRoute>;
    try {
      match = matchRoute(vendorPath);
    } catch {
      match = undefined;
    }
    count(`${method} ${match?.route.pattern ?? "(unmatched)"}`);

    if (latencyMs > 0) await sleep(latencyMs);
    const fault = faults.take(method, vendorPath);
    if (await applyFaultBefore(fault, req, res, FAULT_REPLIES)) return;

    if (req.headers.authorization !== expectedAuth) return send(res, { status: 401, body: { reason: "unauthorized" } });
    if (!match) return send(res, { status: 404, body: { reason: "route not found" } });
    const endpoint = match.route.methods[method];
    if (!endpoint) {
      return send(res, {
        status: 405,
        body: { reason: "method not allowed" },
        headers: { Allow: Object.keys(match.route.methods).join(", ") },
      });
    }
    const hasBody = raw.length > 0;
    if ((endpoint.schema !== undefined || hasBody) && method !== "GET" && !isJson(req.headers["content-type"])) {
      return send(res, { status: 415, body: { reason: "Content-Type must be application/json" } });
    }
    let body: unknown;
    if (hasBody) {
      try {
        body = JSON.parse(raw.toString("utf8"));
      } catch {
        return send(res, { status: 400, body: { reason: "invalid JSON body" } });
      }
    }
    if (endpoint.schema) {
      const parsed = endpoint.schema.safeParse(body);
      if (!parsed.success) {
        return send(res, {
          status: 400,
          body: { reason: parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ") },
        });
      }
      body = parsed.data;
    }

    const reply = endpoint.handle({ world, params: match.params, body });

    applyFaultAfter(fault, req, res, reply, FAULT_REPLIES);
  }

  function sdkSession(res: ServerResponse, query: URLSearchParams): void {
    const cors = { "Access-Control-Allow-Origin": "*", "Cache-Control": "no-store" };
    // 200 with ok:false (not 401) so a refused token does not surface as a browser console error.
    const fail = (reason: string): void => send(res, { status: 200, body: { ok: false, reason } }, cors);
    const claims = verifyJwt(query.get("token") ?? "", state.jwtSecret, world.now());
    if (!claims) return fail("token inválido");
    const operator = state.operators[claims.operatorId];
    const account = state.accounts[claims.accountId];
    if (!operator || !account || operator.accountId !== account.id) return fail("token inválido");
    if (!operator.active) return fail("operador inativo");
    if (!accountView(account, world.now()).working) return fail("conta bloqueada ou período de teste encerrado");
    send(
      res,
      { status: 200, body: { ok: true, accountId: account.id, operator: { id: operator.id, name: operator.name } } },
      cors,
    );
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const pathname = q < 0 ? url : url.slice(0, q);

    if (pathname === BASE_PATH || pathname.startsWith(`${BASE_PATH}/`)) {
      return handleVendor(req, res, pathname.slice(BASE_PATH.length) || "/");
    }
    if (pathname.startsWith("/__emulator/")) {
      if (!isLoopback(req.socket.remoteAddress)) return send(res, { status: 403, body: { reason: "loopback only" } });
      const raw = await readBody(req);
      let body: unknown;
      if (raw && raw.length > 0) {
        try {
          body = JSON.parse(raw.toString("utf8"));
        } catch {
          return send(res, { status: 400, body: { reason: "invalid JSON body" } });
        }
      }
      return send(res, await handleControl(deps, req.method ?? "GET", pathname.slice("/__emulator".length), body));
    }
    if (pathname === "/sdk/index.js" && (req.method === "GET" || req.method === "HEAD")) {
      res.writeHead(200, {
        "Content-Type": "text/javascript; charset=utf-8",
        "Cache-Control": "no-cache",
        "X-Content-Type-Options": "nosniff",
      });
      res.end(req.method === "HEAD" ? undefined : SDK_SCRIPT);
      return;
    }
    if (pathname === "/sdk/init" && req.method === "POST") {
      const recorded = parseSdkInit(await readBody(req, SDK_INIT_MAX_BYTES), Date.now());
      if (!recorded)
        return send(res, { status: 400, body: { reason: "init options must be a JSON object" } }, SDK_CORS);
      sdkInits.push(recorded);
      if (sdkInits.length > SDK_INITS_KEPT) sdkInits.splice(0, sdkInits.length - SDK_INITS_KEPT);
      res.writeHead(204, SDK_CORS);
      res.end();
      return;
    }
    if (pathname === "/sdk/session") {
      if (req.method === "OPTIONS") {
        res.writeHead(204, {
          "Access-Control-Allow-Origin": "*",
          "Access-Control-Allow-Methods": "GET",
          "Access-Control-Max-Age": "600",
        });
        res.end();
        return;
      }
      return sdkSession(res, new URLSearchParams(q < 0 ? "" : url.slice(q + 1)));
    }
    send(res, { status: 404, body: { reason: "not found" } });
  }

  const server = await listen(handle, {
    port: options.port,
    host: options.host,
    internalError: (reason) => ({ status: 500, body: { reason } }),
  });
  const origin = server.origin;

  return {
    origin,
    baseUrl: `${origin}${BASE_PATH}`,
    port: server.port,
    get state() {
      return state;
    },
    close: () => {
      persister.flushSync();
      return server.close();
    },
    reset,
    addFault: (fault) => {
      faults.add(fault);
    },
    clearFaults: () => faults.clear(),
    setLatency: (ms) => {
      latencyMs = ms;
    },
    requestCount: (key) => requestCounts.get(key) ?? 0,
    snapshot: () => snapshot(deps),
    sdkInits: () => sdkInits,
  };
}
