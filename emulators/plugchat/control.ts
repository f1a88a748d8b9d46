/**
 * The emulator's control surface (`/__emulator/…`, loopback only, no vendor auth): inspect
 * and reset state, switch faults and latency, move the clock, toggle WhatsApp, simulate
 * attendances (delivering the documented webhooks) and verify operator accessTokens.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { TSatisfactionEntry } from "../../server/providers/plugchat/contract";
import { handleFaultControl } from "./faults";
import type { Faults } from "./faults";
import { verifyJwt } from "./jwt";
import type { EmuAccount, EmuAttendance, EmuOperator } from "./state";
import type { Reply, World } from "./vendor";

export interface ControlDeps {
  world: World;
  faults: Faults;
  requestCounts: Map<string, number>;
  setLatency(ms: number): void;
  latency(): number;
  reset(): void;
}

const ZClock = z.strictObject({ advanceMs: z.number().int() });
const ZWhatsapp = z.strictObject({ connected: z.boolean() });
const ZVerify = z.strictObject({ accessToken: z.string().min(1) });
const ZAttendance = z.strictObject({
  operatorId: z.string().optional(),
  departmentId: z.string().optional(),
  customer: z.strictObject({ name: z.string(), phone: z.string() }).optional(),
  ratingValue: z.number().optional(),
  ratingObservation: z.string().optional(),
  /** Length of the attendance; it ends "now" on the emulator clock. */
  durationMs: z.number().int().min(0).optional(),
  /** Skip webhook delivery (record only). */
  deliver: z.boolean().optional(),
});

const ok = (body: unknown): Reply => ({ status: 200, body });
const bad = (reason: string): Reply => ({ status: 400, body: { reason } });
const notFound: Reply = { status: 404, body: { reason: "entity not found" } };

function parse<S extends z.ZodType>(schema: S, body: unknown): { data: z.output<S> } | { error: Reply } {
  const r = schema.safeParse(body ?? {});
  return r.success
    ? { data: r.data }
    : { error: bad(r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")) };
}

/** Account as the control surface shows it: everything, including the trial clock. */
export function accountView(acc: EmuAccount, now: number) {
  const trialExpired = now > acc.trialEndsAt;
  const subscribed = acc.subscription?.status === "active";
  return { ...acc, trialExpired, working: acc.active && (subscribed || !trialExpired) };
}

function operatorView(op: EmuOperator) {
  return op;
}

/** The state snapshot served at GET /__emulator/state. */
export function snapshot(deps: ControlDeps) {
  const { state } = deps.world;
  const now = deps.world.now();
  return {
    now,
    latencyMs: deps.latency(),
    accounts: Object.values(state.accounts).map((a) => accountView(a, now)),
    departments: Object.values(state.departments),
    operators: Object.values(state.operators).map(operatorView),
    attendances: state.attendances,
    requestCounts: Object.fromEntries(deps.requestCounts),
    faults: deps.faults.list(),
  };
}

async function deliver(
  url: string | null,
  payload: unknown,
): Promise<{ url: string | null; status?: number; error?: string }> {
  if (!url) return { url: null, error: "no webhook configured" };
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "User-Agent": "PlugChat-Emulator/1" },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(5_000),
    });
    await res.arrayBuffer();
    return { url, status: res.status };
  } catch (error) {
    return { url, error: error instanceof Error ? error.message : String(error) };
  }
}

async function simulateAttendance(deps: ControlDeps, acc: EmuAccount, body: unknown): Promise<Reply> {
  const parsed = parse(ZAttendance, body);
  if ("error" in parsed) return parsed.error;
  const input = parsed.data;
  const { state } = deps.world;
  const operator = input.operatorId
    ? state.operators[input.operatorId]
    : Object.values(state.operators).find((o) => o.accountId === acc.id);
  if (input.operatorId && (!operator || operator.accountId !== acc.id)) return bad("unknown operator");
  const departmentId = input.departmentId ?? acc.geralDepartmentId;
  const department = state.departments[departmentId];
  if (!department || department.accountId !== acc.id) return bad("unknown department");

  const end = deps.world.now();
  const start = end - (input.durationMs ?? 60_000);
  const customer = input.customer ?? { name: "Cliente Teste", phone: "554499999999" };
  const attendanceNumber = state.nextTicket++;
  const entry: TSatisfactionEntry & { id: string; attendanceNumber: number; endTime: number } = {
    id: randomUUID(),
    attendanceNumber,
    customer,
    requestTime: start - 1_000,
    startTime: start,
    endTime: end,
    startBy: operator?.id ?? null,
    finishBy: operator?.id ?? null,
    operatorReport: "",
    operators: operator ? { [operator.id]: true } : {},
    operatorsData: operator ? [{ id: operator.id, name: operator.name }] : [],
    ratingValue: input.ratingValue ?? 5,
    ratingObservation: input.ratingObservation ?? "",
    status: "FINISH",
  };
  const attendance: EmuAttendance = { accountId: acc.id, departmentId, entry };
  state.attendances.push(attendance);
  deps.world.changed();

  const firstMessage = {
    fromMe: false,
    phone: customer.phone,
    senderName: customer.name,
    momment: start,
    status: "RECEIVED",
  };
  const startPayload = {
    attendance: {
      attendanceNumber,
      customer,
      departament: department.name,
      requestTime: entry.requestTime,
      startTime: start,
      startBy: operator?.name ?? null,
      status: "STARTED",
    },
    chat: { [randomUUID()]: firstMessage },
  };
  const finishPayload = {
    attendance: {
      attendanceNumber,
      customer,
      departament: department.name,
      requestTime: entry.requestTime,
      startTime: start,
      endTime: end,
      finishBy: operator?.name ?? null,
      ratingValue: entry.ratingValue,
      ratingObservation: entry.ratingObservation,
      status: "FINISH",
      attendanceCategory: { id: randomUUID(), name: "Geral", color: "#DDDD" },
      // The vendor's example carries this key with a trailing space.
      "operatorReport ": "",
    },
    chat: {
      [randomUUID()]: firstMessage,
      [randomUUID()]: {
        fromMe: true,
        phone: customer.phone,
        senderName: operator?.name ?? "Operador",
        momment: end - 500,
        status: "SENT",
      },
    },
  };
  const deliveries =
    input.deliver === false
      ? []
      : [
          { event: "onStartAttendance", ...(await deliver(acc.webhooks.onStartAttendance, startPayload)) },
          { event: "onFinishAttendance", ...(await deliver(acc.webhooks.onFinishAttendance, finishPayload)) },
        ];
  return ok({ attendance: entry, payloads: { start: startPayload, finish: finishPayload }, deliveries });
}

/** Handles one control request; `sub` is the path after /__emulator. */
export async function handleControl(deps: ControlDeps, method: string, sub: string, body: unknown): Promise<Reply> {
  const { world } = deps;
  const shared = handleFaultControl(deps, method, sub, body);
  if (shared) return shared;
  const parts = sub.split("/").filter(Boolean);
  const key = `${method} /${parts[0] ?? ""}`;

  switch (key) {
    case "GET /state":
      return ok(snapshot(deps));
    case "POST /reset":
      deps.reset();
      return ok({ success: true });
    case "POST /clock": {
      const p = parse(ZClock, body);
      if ("error" in p) return p.error;
      world.state.clockOffsetMs += p.data.advanceMs;
      world.changed();
      return ok({ success: true, now: world.now() });
    }
    case "POST /tokens": {
      if (parts[1] !== "verify") return notFound;
      const p = parse(ZVerify, body);
      if ("error" in p) return p.error;
      const claims = verifyJwt(p.data.accessToken, world.state.jwtSecret, world.now());
      const operator = claims ? world.state.operators[claims.operatorId] : undefined;
      if (!claims || !operator || operator.accountId !== claims.accountId)
        return { status: 401, body: { valid: false, reason: "invalid token" } };
      return ok({
        valid: true,
        accountId: claims.accountId,
        operatorId: operator.id,
        operator: { id: operator.id, name: operator.name, active: operator.active },
      });
    }
    case "POST /accounts": {
      const acc = world.state.accounts[parts[1] ?? ""];
      if (!acc) return notFound;
      if (parts[2] === "attendances" && parts.length === 3) return simulateAttendance(deps, acc, body);
      if (parts[2] === "whatsapp" && parts.length === 3) {
        const p = parse(ZWhatsapp, body);
        if ("error" in p) return p.error;
        acc.whatsappInstance = p.data.connected;
        world.changed();
        return ok({ success: true, connected: acc.whatsappInstance });
      }
      return notFound;
    }
    default:
      return { status: 404, body: { reason: "unknown control endpoint" } };
  }
}
