/**
 * Fault switches shared by the emulators (PlugChat, CDP): rules matched by method and
 * vendor path (after the API base path) that make the next matching requests fail in a
 * chosen way, the two points where a server applies them (before and after the state
 * change), and the control-surface endpoints that switch them (`/faults`, `/latency`).
 * Each emulator supplies only its error bodies.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { send, sendRaw, sleep } from "./http";
import type { Reply } from "./http";

export const ZFaultKind = z.enum([
  "status",
  "latency",
  "drop",
  "malformed",
  "rate_limit",
  "commit_then_fail",
  "commit_then_hang",
  "reset",
]);
export type FaultKind = z.infer<typeof ZFaultKind>;

export const ZFaultInput = z.strictObject({
  method: z.string().min(1).optional(),
  /** A prefix of, or a regular expression matching, the vendor path (e.g. "/account" or "/operators$"). */
  path: z.string().min(1).optional(),
  kind: ZFaultKind,
  status: z.number().int().min(100).max(599).optional(),
  latencyMs: z.number().int().min(0).max(600_000).optional(),
  /** Seconds (rate_limit). */
  retryAfter: z.number().int().min(0).optional(),
  /** How many matching requests it applies to; unlimited when absent. */
  times: z.number().int().positive().optional(),
});
export type FaultInput = z.infer<typeof ZFaultInput>;

export interface Fault extends FaultInput {
  id: number;
  remaining: number | null;
  regex: RegExp | null;
}

/** A rule without its compiled regex (what the control surface shows). */
export function publicView(fault: Fault): Omit<Fault, "regex"> {
  const { regex, ...rest } = fault;
  void regex;
  return rest;
}

export function createFaults() {
  let list: Fault[] = [];
  let seq = 0;
  return {
    add(input: FaultInput): Fault {
      let regex: RegExp | null = null;
      if (input.path !== undefined) {
        try {
          regex = new RegExp(input.path);
        } catch {
          regex = null;
        }
      }
      const fault: Fault = {
        ...input,
        method: input.method?.toUpperCase(),
        id: ++seq,
        remaining: input.times ?? null,
        regex,
      };
      list.push(fault);
      return fault;
    },
    clear(): void {
      list = [];
    },
    list(): Array<Omit<Fault, "regex">> {
      return list.map(publicView);
    },
    /** The first rule matching the request, consuming one of its `times`. */
    take(method: string, vendorPath: string): Fault | undefined {
      if (list.length === 0) return undefined;
      const fault = list.find(
        (f) =>
          (f.method === undefined || f.method === method) &&
          (f.path === undefined || vendorPath.startsWith(f.path) || (f.regex !== null && f.regex.test(vendorPath))),
      );
      if (!fault) return undefined;
      if (fault.remaining !== null && --fault.remaining <= 0) list = list.filter((f) => f !== fault);
      return fault;
    },
  };
}

export type Faults = ReturnType<typeof createFaults>;

/** The vendor-specific bodies an emulator answers with when a fault fires. */
export interface FaultReplies {
  /** `status` fault (not applied). */
  injected(status: number): Reply;
  /** `rate_limit` fault (not applied); the Retry-After header is added here. */
  rateLimited(): Reply;
  /** `commit_then_fail` (applied, then a failure status). */
  failedAfterCommit(status: number): Reply;
  /** `malformed`: a 200 whose JSON text is cut off. */
  malformedText: string;
}

/**
 * Applies the part of a fault that happens before the handler runs. Returns `true` when the
 * request was answered or dropped (the handler must not run), `false` to go on.
 */
export async function applyFaultBefore(
  fault: Fault | undefined,
  req: IncomingMessage,
  res: ServerResponse,
  replies: FaultReplies,
): Promise<boolean> {
  switch (fault?.kind) {
    case "drop":
      req.socket.destroy();
      return true;
    case "latency":
      await sleep(fault.latencyMs ?? 1_000);
      return false;
    case "status":
      send(res, replies.injected(fault.status ?? 500));
      return true;
    case "rate_limit": {
      const reply = replies.rateLimited();
      send(res, { ...reply, status: 429, headers: { ...reply.headers, "Retry-After": String(fault.retryAfter ?? 1) } });
      return true;
    }
    default:
      return false;
  }
}

/** Sends the handler's reply, or what the fault makes of it once the change was applied. */
export function applyFaultAfter(
  fault: Fault | undefined,
  req: IncomingMessage,
  res: ServerResponse,
  reply: Reply,
  replies: FaultReplies,
): void {
  switch (fault?.kind) {
    case "commit_then_fail":
      return send(res, replies.failedAfterCommit(fault.status ?? 500));
    case "commit_then_hang":
      return; // never answer; the socket is destroyed on close()
    case "reset":
      req.socket.destroy();
      return;
    case "malformed":
      return sendRaw(res, 200, replies.malformedText);
    default:
      return send(res, reply);
  }
}

const ZLatency = z.strictObject({ latencyMs: z.number().int().min(0).max(600_000) });

/** What the shared control endpoints need from an emulator. */
export interface FaultControlDeps {
  faults: Faults;
  setLatency(ms: number): void;
}

function badRequest(error: z.ZodError): Reply {
  return { status: 400, body: { reason: error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") } };
}

/**
 * `POST|GET|DELETE /faults` and `POST /latency` of the control surface; `undefined` when
 * `method` + `sub` (the path after /__emulator) is not one of them.
 */
export function handleFaultControl(
  deps: FaultControlDeps,
  method: string,
  sub: string,
  body: unknown,
): Reply | undefined {
  const key = `${method} ${sub.replace(/\/+$/, "")}`;
  switch (key) {
    case "POST /faults": {
      const p = ZFaultInput.safeParse(body ?? {});
      if (!p.success) return badRequest(p.error);
      return { status: 200, body: { success: true, fault: publicView(deps.faults.add(p.data)) } };
    }
    case "GET /faults":
      return { status: 200, body: deps.faults.list() };
    case "DELETE /faults":
      deps.faults.clear();
      return { status: 200, body: { success: true } };
    case "POST /latency": {
      const p = ZLatency.safeParse(body ?? {});
      if (!p.success) return badRequest(p.error);
      deps.setLatency(p.data.latencyMs);
      return { status: 200, body: { success: true, latencyMs: p.data.latencyMs } };
    }
    default:
      return undefined;
  }
}
