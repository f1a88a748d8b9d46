/**
 * The CDP gateway emulator: a real HTTP server (node:http) speaking the Live Chat operator
 * upsert under `/v1`, and the control surface under `/__emulator` (loopback only, no vendor
 * auth) with the SAME fault switches as the PlugChat emulator (emulators/shared/faults).
 * Every vendor answer is a `ResponseWrapper`. `startCdpEmulator()` is what tests and the CLI use.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { BEARER, CDP_ERROR_CODES, authHeaderValue } from "../../server/providers/cdp/contract";
import type { CdpAuthHeader } from "../../server/providers/cdp/contract";
import { applyFaultAfter, applyFaultBefore, createFaults, handleFaultControl } from "../shared/faults";
import type { FaultInput, FaultReplies } from "../shared/faults";
import { isJson, isLoopback, listen, readBody, send, sleep, splitUrl } from "../shared/http";
import type { Reply } from "../shared/http";
import { createPersister } from "../shared/persist";
import { DEFAULT_CDP_ITEM_UUID, DEFAULT_CDP_PROJECT_UUID, DEV_CDP_TOKEN } from "./config";
import { emptyState, loadState, spaceKey } from "./state";
import type { CdpEmuState } from "./state";
import { bindingView, errorReply, upsertOperator } from "./upsert";

export interface CdpSpaceInput {
  projectUuid: string;
  itemUuid: string;
}

export interface CdpEmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** The integrator token the emulator accepts (default: the documented dev token). */
  token?: string;
  /** Where the token is expected (default `Authorization: Bearer …`). */
  authHeader?: CdpAuthHeader;
  /** Spaces known from the start and after every reset (default: the documented one). */
  projects?: CdpSpaceInput[];
  /** The only role codes accepted (CDP_EMULATOR_ROLE_CODES); default: any non-empty code. */
  roleCodes?: readonly string[];
  /** When set, state is loaded from and (debounced) written to this JSON file. */
  stateFile?: string;
  now?: () => number;
}

export interface CdpEmulator {
  /** e.g. http://127.0.0.1:40123 — the client's baseUrl (the API is at /v1 below it). */
  origin: string;
  baseUrl: string;
  port: number;
  readonly state: CdpEmuState;
  close(): Promise<void>;
  /** Configured spaces only, no users/bindings, no faults, no latency, zeroed counters. */
  reset(): void;
  addSpace(space: CdpSpaceInput): void;
  addFault(fault: FaultInput): void;
  clearFaults(): void;
  setLatency(ms: number): void;
  /** Requests seen per route key, e.g. "POST /v1/projects/:projectUuid/livechat/items/:itemUuid/operators". */
  requestCount(key: string): number;
  snapshot(): ReturnType<typeof buildSnapshot>;
}

export const UPSERT_ROUTE = "POST /v1/projects/:projectUuid/livechat/items/:itemUuid/operators";
const UPSERT_PATTERN = /^\/v1\/projects\/([^/]+)\/livechat\/items\/([^/]+)\/operators\/?$/;

const FAULT_REPLIES: FaultReplies = {
  injected: (status) =>
    errorReply(
      status,
      status === 401
        ? CDP_ERROR_CODES.unauthorized
        : status === 404
          ? CDP_ERROR_CODES.notFound
          : status === 429
            ? CDP_ERROR_CODES.rateLimited
            : CDP_ERROR_CODES.internal,
      "injected fault",
    ),
  rateLimited: () => errorReply(429, CDP_ERROR_CODES.rateLimited, "Too many requests"),
  failedAfterCommit: (status) => errorReply(status, CDP_ERROR_CODES.internal, "Internal error"),
  malformedText: '{"success": true, "data": {"userUuid": "',
};

const ZSpace = z.strictObject({ projectUuid: z.string().min(1).max(200), itemUuid: z.string().min(1).max(200) });

function buildSnapshot(
  state: CdpEmuState,
  requestCounts: Map<string, number>,
  faults: ReturnType<typeof createFaults>,
  latencyMs: number,
) {
  return {
    latencyMs,
    spaces: Object.values(state.spaces),
    users: Object.values(state.users),
    /** Bindings with their user's e-mail and names; `access` = enabled. */
    operators: Object.values(state.bindings).map((b) => ({
      ...bindingView(state, b),
      access: b.enabled,
      writes: b.writes,
    })),
    requestCounts: Object.fromEntries(requestCounts),
    faults: faults.list(),
  };
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

export async function startCdpEmulator(options: CdpEmulatorOptions = {}): Promise<CdpEmulator> {
  const expectedAuth = authHeaderValue(options.authHeader ?? BEARER, options.token ?? DEV_CDP_TOKEN);
  const authName = (options.authHeader ?? BEARER).name.toLowerCase();
  const spaces = options.projects ?? [{ projectUuid: DEFAULT_CDP_PROJECT_UUID, itemUuid: DEFAULT_CDP_ITEM_UUID }];
  const clock = options.now ?? Date.now;
  const roleCodes = options.roleCodes ? Object.freeze([...options.roleCodes]) : null;
  let state = loadState(options.stateFile, spaces);
  const persister = createPersister(options.stateFile, () => state, { label: "cdp emulator" });
  const faults = createFaults();
  const requestCounts = new Map<string, number>();
  let latencyMs = 0;

  const setLatency = (ms: number): void => {
    latencyMs = ms;
  };
  const reset = (): void => {
    state = emptyState(spaces, clock());
    faults.clear();
    requestCounts.clear();
    latencyMs = 0;
    persister.schedule();
  };
  const addSpace = (s: CdpSpaceInput): CdpSpaceInput => {
    const key = spaceKey(s.projectUuid, s.itemUuid);
    state.spaces[key] ??= { projectUuid: s.projectUuid, itemUuid: s.itemUuid, createdAt: clock() };
    persister.schedule();
    return state.spaces[key];
  };
  const count = (key: string): void => {
    requestCounts.set(key, (requestCounts.get(key) ?? 0) + 1);
  };

  async function handleVendor(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const method = req.method ?? "GET";
    const raw = await readBody(req);
    const match = UPSERT_PATTERN.exec(pathname);
    count(match ? `${method} /v1/projects/:projectUuid/livechat/items/:itemUuid/operators` : `${method} (unmatched)`);
    if (raw === null) return send(res, errorReply(413, CDP_ERROR_CODES.payloadTooLarge, "Payload too large"));

    if (latencyMs > 0) await sleep(latencyMs);
    const fault = faults.take(method, pathname);
    if (await applyFaultBefore(fault, req, res, FAULT_REPLIES)) return;

    if (req.headers[authName] !== expectedAuth)
      return send(res, errorReply(401, CDP_ERROR_CODES.unauthorized, "Authentication required"));
    const projectUuid = match ? decode(match[1] ?? "") : undefined;
    const itemUuid = match ? decode(match[2] ?? "") : undefined;
    if (projectUuid === undefined || itemUuid === undefined)
      return send(res, errorReply(404, CDP_ERROR_CODES.notFound, "Route not found"));
    if (method !== "POST") {
      return send(res, {
        ...errorReply(405, CDP_ERROR_CODES.methodNotAllowed, "Method not allowed"),
        headers: { Allow: "POST" },
      });
    }
    if (!isJson(req.headers["content-type"])) {
      return send(res, errorReply(415, CDP_ERROR_CODES.unsupportedMediaType, "Content-Type must be application/json"));
    }
    let body: unknown;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString("utf8"));
      } catch {
        return send(res, errorReply(400, CDP_ERROR_CODES.validation, "Invalid JSON body"));
      }
    }
    const { reply, changed } = upsertOperator(state, projectUuid, itemUuid, body, clock(), roleCodes);
    if (changed) persister.schedule();
    applyFaultAfter(fault, req, res, reply, FAULT_REPLIES);
  }

  function handleControl(method: string, sub: string, body: unknown): Reply {
    const shared = handleFaultControl({ faults, setLatency }, method, sub, body);
    if (shared) return shared;
    switch (`${method} ${sub.replace(/\/+$/, "")}`) {
      case "GET /state":
        return { status: 200, body: buildSnapshot(state, requestCounts, faults, latencyMs) };
      case "POST /reset":
        reset();
        return { status: 200, body: { success: true } };
      case "POST /spaces": {
        const p = ZSpace.safeParse(body ?? {});
        if (!p.success)
          return {
            status: 400,
            body: { reason: p.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") },
          };
        return { status: 200, body: { success: true, space: addSpace(p.data) } };
      }
      default:
        return { status: 404, body: { reason: "unknown control endpoint" } };
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { pathname } = splitUrl(req.url);
    if (pathname === "/v1" || pathname.startsWith("/v1/")) return handleVendor(req, res, pathname);
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
      return send(res, handleControl(req.method ?? "GET", pathname.slice("/__emulator".length), body));
    }
    send(res, errorReply(404, CDP_ERROR_CODES.notFound, "Not found"));
  }

  const server = await listen(handle, {
    port: options.port,
    host: options.host,
    internalError: (message) => errorReply(500, CDP_ERROR_CODES.internal, message),
  });

  return {
    origin: server.origin,
    baseUrl: server.origin,
    port: server.port,
    get state() {
      return state;
    },
    close: () => {
      persister.flushSync();
      return server.close();
    },
    reset,
    addSpace: (s) => {
      addSpace(s);
    },
    addFault: (fault) => {
      faults.add(fault);
    },
    clearFaults: () => faults.clear(),
    setLatency,
    requestCount: (key) => requestCounts.get(key) ?? 0,
    snapshot: () => buildSnapshot(state, requestCounts, faults, latencyMs),
  };
}
