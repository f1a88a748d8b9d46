/**
 * The emulator's control surface (`/__emulator/…`, loopback only, no vendor auth): inspect
 * and reset state (all, or one account with its URA and subscription: GET /accounts/:id), switch
 * faults and latency, move the clock, toggle WhatsApp, simulate attendances (delivering the
 * documented webhooks; one at a time or N random ones), verify operator accessTokens and read the
 * init options the browser SDK stand-in was given.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { handleFaultControl } from "./faults";
import type { Faults } from "./faults";
import { verifyJwt } from "./jwt";
import { pick, randomCustomer, randomDurationMs, randomMessageCount, randomObservation, randomRating } from "./people";
import type { Random } from "./people";
import type { EmuAccount, EmuAttendance, EmuDepartment, EmuOperator } from "./state";
import type { RecordedSdkInit } from "./sdk";
import type { Reply, World } from "./vendor";

export interface ControlDeps {
  world: World;
  faults: Faults;
  requestCounts: Map<string, number>;
  setLatency(ms: number): void;
  latency(): number;
  /** What the SDK stand-in's init received (GET /__emulator/sdk/inits). */
  sdkInits(): readonly RecordedSdkInit[];
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
/** At most 500 a call: each is two HTTP deliveries, one after the other. */
const ZFire = z.strictObject({
  count: z.number().int().min(1).max(500),
  /**
   * Spread the attendances over the last N days (each ends at a random moment between N days
   * ago and now), so the satisfaction reports have more than one day; absent or 0: all end now.
   */
  withinDays: z.number().int().min(0).max(365).optional(),
});
const DAY_MS = 24 * 60 * 60 * 1000;

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

interface AttendancePlan {
  operator: EmuOperator | undefined;
  department: EmuDepartment;
  customer: { name: string; phone: string };
  ratingValue: number;
  ratingObservation: string;
  durationMs: number;
  /** When it ended (epoch ms on the emulator clock); now when absent. */
  endTime?: number;
  /** Chat messages in the finish payload (at least 1: the customer's first). */
  messages: number;
}

/** Records one finished attendance (what the satisfaction calls answer) and builds its two webhook payloads. */
function recordAttendance(deps: ControlDeps, acc: EmuAccount, plan: AttendancePlan) {
  const { state } = deps.world;
  const { operator, department, customer } = plan;
  const end = plan.endTime ?? deps.world.now();
  const start = end - plan.durationMs;
  const attendanceNumber = state.nextTicket++;
  const entry: EmuAttendance["entry"] = {
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
    ratingValue: plan.ratingValue,
    ratingObservation: plan.ratingObservation,
    status: "FINISH",
  };
  state.attendances.push({ accountId: acc.id, departmentId: department.id, entry });
  deps.world.changed();

  const firstMessage = {
    fromMe: false,
    phone: customer.phone,
    senderName: customer.name,
    momment: start,
    status: "RECEIVED",
  };
  const chat: Record<string, unknown> = { [randomUUID()]: firstMessage };
  for (let i = 1; i < plan.messages; i++) {
    const fromMe = i % 2 === 1;
    chat[randomUUID()] = {
      fromMe,
      phone: customer.phone,
      senderName: fromMe ? (operator?.name ?? "Operador") : customer.name,
      momment: start + Math.round(((end - 500 - start) * i) / plan.messages),
      status: fromMe ? "SENT" : "RECEIVED",
    };
  }
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
    chat,
  };
  return { entry, startPayload, finishPayload };
}

/** POSTs the start, then the finish payload to the account's webhook URLs. */
async function deliverBoth(acc: EmuAccount, payloads: { startPayload: unknown; finishPayload: unknown }) {
  return [
    { event: "onStartAttendance", ...(await deliver(acc.webhooks.onStartAttendance, payloads.startPayload)) },
    { event: "onFinishAttendance", ...(await deliver(acc.webhooks.onFinishAttendance, payloads.finishPayload)) },
  ];
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

  const built = recordAttendance(deps, acc, {
    operator,
    department,
    customer: input.customer ?? { name: "Cliente Teste", phone: "554499999999" },
    ratingValue: input.ratingValue ?? 5,
    ratingObservation: input.ratingObservation ?? "",
    durationMs: input.durationMs ?? 60_000,
    messages: 2,
  });
  const deliveries = input.deliver === false ? [] : await deliverBoth(acc, built);
  return ok({
    attendance: built.entry,
    payloads: { start: built.startPayload, finish: built.finishPayload },
    deliveries,
  });
}

/**
 * Fires `count` attendances at the account's webhook URLs: random Brazilian customers, the
 * account's own active departments and operators (an operator of the chosen department when
 * there is one), ratings and message counts; each start is delivered before its finish.
 */
export async function fireAttendances(
  deps: ControlDeps,
  acc: EmuAccount,
  count: number,
  random: Random = Math.random,
  withinDays = 0,
): Promise<{ fired: number; attendanceNumbers: number[]; failedDeliveries: number }> {
  const { state } = deps.world;
  const departments = Object.values(state.departments).filter((d) => d.accountId === acc.id && d.active);
  const operators = Object.values(state.operators).filter((o) => o.accountId === acc.id && o.active);
  const geral = state.departments[acc.geralDepartmentId];
  const attendanceNumbers: number[] = [];
  let failedDeliveries = 0;
  for (let i = 0; i < count; i++) {
    const department = departments.length > 0 ? pick(departments, random) : geral;
    if (!department) break;
    const ofDepartment = operators.filter((o) => o.departments.includes(department.id));
    const pool = ofDepartment.length > 0 ? ofDepartment : operators;
    const built = recordAttendance(deps, acc, {
      operator: pool.length > 0 ? pick(pool, random) : undefined,
      department,
      customer: randomCustomer(random),
      ratingValue: randomRating(random),
      ratingObservation: randomObservation(random),
      durationMs: randomDurationMs(random),
      messages: randomMessageCount(random),
      ...(withinDays > 0 ? { endTime: deps.world.now() - Math.floor(random() * withinDays * DAY_MS) } : {}),
    });
    attendanceNumbers.push(built.entry.attendanceNumber);
    const deliveries = await deliverBoth(acc, built);
    failedDeliveries += deliveries.filter((d) => d.status === undefined || d.status >= 300).length;
  }
  return { fired: attendanceNumbers.length, attendanceNumbers, failedDeliveries };
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
    case "GET /sdk":
      return parts[1] === "inits" && parts.length === 2 ? ok({ inits: deps.sdkInits() }) : notFound;
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
    case "GET /accounts": {
      // One account as the vendor holds it, including what no vendor GET returns: its URA and subscription.
      const acc = world.state.accounts[parts[1] ?? ""];
      if (!acc || parts.length !== 2) return notFound;
      return ok(accountView(acc, world.now()));
    }
    case "POST /accounts": {
      const acc = world.state.accounts[parts[1] ?? ""];
      if (!acc) return notFound;
      if (parts[2] === "attendances" && parts.length === 3) return simulateAttendance(deps, acc, body);
      if (parts[2] === "attendances" && parts[3] === "fire" && parts.length === 4) {
        const p = parse(ZFire, body);
        if ("error" in p) return p.error;
        return ok(await fireAttendances(deps, acc, p.data.count, Math.random, p.data.withinDays));
      }
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
