/**
 * The emulated partner API: a route table (path pattern × method → request schema + handler).
 * Handlers are synchronous state changes returning a reply, so the server can inject
 * faults before or after they apply. Request bodies are validated with the SAME contract
 * schemas the client uses.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { z } from "zod";
import * as C from "../../server/providers/plugchat/contract";
import { ACCESS_TOKEN_TTL_S, EXTENSION_TOKEN_TTL_MS, TRIAL_MS } from "./config";
import { signJwt } from "./jwt";
import type { Reply } from "../shared/http";
import type { EmuAccount, EmuAttendance, EmuOperator, EmuState } from "./state";

export type { Reply } from "../shared/http";

/** What handlers see of the emulator. */
export interface World {
  readonly state: EmuState;
  now(): number;
  /** Marks the state dirty (debounced persistence). */
  changed(): void;
}

interface Ctx {
  world: World;
  params: string[];
  body: unknown;
}

interface Endpoint {
  schema?: z.ZodType;
  handle(ctx: Ctx): Reply;
}

export interface Route {
  /** e.g. "/account/:id/operators" — also the key of the request counters. */
  pattern: string;
  segments: string[];
  methods: Partial<Record<string, Endpoint>>;
}

const NOT_FOUND: Reply = { status: 404, body: { reason: "entity not found" } };
const ok = (body: unknown): Reply => ({ status: 200, body });
const bad = (reason: string): Reply => ({ status: 400, body: { reason } });

function account(ctx: Ctx): EmuAccount | undefined {
  return ctx.world.state.accounts[ctx.params[0] ?? ""];
}

function withAccount(handle: (ctx: Ctx, acc: EmuAccount) => Reply): (ctx: Ctx) => Reply {
  return (ctx) => {
    const acc = account(ctx);
    return acc ? handle(ctx, acc) : NOT_FOUND;
  };
}

function unknownDepartment(state: EmuState, accountId: string, ids: string[]): string | undefined {
  return ids.find((id) => state.departments[id]?.accountId !== accountId);
}

function operatorReply(op: EmuOperator): Reply {
  return ok({ success: true, id: op.id, accessToken: op.accessToken });
}

/** Strips the emulator's bookkeeping from an attendance. */
export function reportEntry(a: EmuAttendance): C.TSatisfactionEntry {
  return a.entry;
}

function route(pattern: string, methods: Route["methods"]): Route {
  return { pattern, segments: pattern.split("/").filter(Boolean), methods };
}

export const ROUTES: Route[] = [
  route("/account", {
    POST: {
      schema: C.ZCreateAccountRequest,
      handle: ({ world, body }) => {
        const b = body as C.TCreateAccountRequest;
        const now = world.now();
        const id = randomUUID();
        const geral = randomUUID();
        world.state.accounts[id] = {
          id,
          externalId: b.externalId,
          name: b.name,
          active: b.active,
          sessionName: b.sessionName ?? null,
          webhooks: {
            onStartAttendance: b.onStartAttendance ?? null,
            onFinishAttendance: b.onFinishAttendance ?? null,
            onReceiveMessage: b.onReceiveMessage ?? null,
            onSendingMessage: b.onSendingMessage ?? null,
            onMessageStatus: b.onMessageStatus ?? null,
            onMessageDeliveryError: b.onMessageDeliveryError ?? null,
          },
          createdAt: now,
          trialEndsAt: now + TRIAL_MS,
          whatsappInstance: true,
          subscription: null,
          ura: null,
          geralDepartmentId: geral,
        };
        world.state.departments[geral] = { id: geral, accountId: id, name: "Geral", active: true, createdAt: now };
        world.changed();
        return ok({ success: true, accountId: id, externalId: b.externalId });
      },
    },
  }),
  route("/account/:id", {
    GET: {
      handle: withAccount((_ctx, acc) =>
        // Only what the docs show: no trial or subscription details here.
        ok({
          name: acc.name,
          externalId: acc.externalId,
          active: acc.active,
          onStartAttendance: acc.webhooks.onStartAttendance,
          onFinishAttendance: acc.webhooks.onFinishAttendance,
          onReceiveMessage: acc.webhooks.onReceiveMessage,
          onSendingMessage: acc.webhooks.onSendingMessage,
          onMessageStatus: acc.webhooks.onMessageStatus,
        }),
      ),
    },
  }),
  route("/account/:id/subscription", {
    POST: {
      schema: C.ZSubscriptionRequest,
      handle: withAccount(({ world, body }, acc) => {
        const b = body as C.TSubscriptionRequest;
        acc.subscription = {
          id: acc.subscription?.id ?? `sub_${randomUUID()}`,
          quantity: b.operators,
          status: "active",
        };
        world.changed();
        return ok({ id: acc.subscription.id, quantity: acc.subscription.quantity, status: acc.subscription.status });
      }),
    },
  }),
  route("/account/:id/cancel-subscription", {
    POST: {
      handle: withAccount(({ world }, acc) => {
        if (acc.subscription) acc.subscription.status = "canceled";
        world.changed();
        return ok({ success: true });
      }),
    },
  }),
  route("/account/:id/extension-token", {
    GET: {
      handle: withAccount(({ world }, acc) => {
        if (!acc.whatsappInstance) return { status: 404, body: { reason: "whatsapp instance not found" } };
        return ok({ token: randomBytes(24).toString("base64url"), expiresAt: world.now() + EXTENSION_TOKEN_TTL_MS });
      }),
    },
  }),
  route("/account/:id/departments", {
    GET: {
      handle: withAccount(({ world }, acc) =>
        ok(
          Object.values(world.state.departments)
            .filter((d) => d.accountId === acc.id)
            .map((d) => ({ id: d.id, name: d.name, active: d.active, createdAt: d.createdAt })),
        ),
      ),
    },
    POST: {
      schema: C.ZCreateDepartmentRequest,
      handle: withAccount(({ world, body }, acc) => {
        const b = body as C.TCreateDepartmentRequest;
        const id = randomUUID();
        world.state.departments[id] = { id, accountId: acc.id, name: b.name, active: b.active, createdAt: world.now() };
        world.changed();
        return ok({ success: true, id });
      }),
    },
    PUT: {
      schema: C.ZUpdateDepartmentRequest,
      handle: withAccount(({ world, body }, acc) => {
        const b = body as C.TUpdateDepartmentRequest;
        const dep = world.state.departments[b.id];
        if (!dep || dep.accountId !== acc.id) return NOT_FOUND;
        dep.name = b.name;
        dep.active = b.active;
        world.changed();
        return ok({ success: true, id: dep.id });
      }),
    },
  }),
  route("/account/:id/departments/:departmentId", {
    DELETE: {
      handle: withAccount(({ world, params }, acc) => {
        const id = params[1] ?? "";
        const dep = world.state.departments[id];
        if (!dep || dep.accountId !== acc.id) return NOT_FOUND;
        if (id === acc.geralDepartmentId) return bad('the default department "Geral" cannot be deleted');
        delete world.state.departments[id];
        // Chats of the deleted department move to Geral; operators lose the reference.
        for (const a of world.state.attendances) if (a.departmentId === id) a.departmentId = acc.geralDepartmentId;
        for (const op of Object.values(world.state.operators)) {
          if (op.accountId === acc.id && op.departments.includes(id))
            op.departments = op.departments.filter((d) => d !== id);
        }
        world.changed();
        return ok({ success: true });
      }),
    },
  }),
  route("/account/:id/operators", {
    GET: {
      handle: withAccount(({ world }, acc) =>
        ok(
          Object.values(world.state.operators)
            .filter((o) => o.accountId === acc.id)
            .map((o) => ({
              id: o.id,
              name: o.name,
              active: o.active,
              departments: o.departments,
              createdAt: o.createdAt,
              accessToken: o.accessToken,
            })),
        ),
      ),
    },
    POST: {
      schema: C.ZCreateOperatorRequest,
      handle: withAccount(({ world, body }, acc) => {
        const b = body as C.TCreateOperatorRequest;
        const unknown = unknownDepartment(world.state, acc.id, b.departments);
        if (unknown !== undefined) return bad(`unknown department: ${unknown}`);
        const now = world.now();
        const id = randomUUID();
        const iat = Math.floor(now / 1000);
        const op: EmuOperator = {
          id,
          accountId: acc.id,
          name: b.name,
          active: b.active,
          departments: [...b.departments],
          login: b.login ?? null,
          hasPassword: b.password !== undefined,
          isAdmin: b.isAdmin ?? false,
          createdAt: now,
          accessToken: signJwt(
            { accountId: acc.id, operatorId: id, iat, exp: iat + ACCESS_TOKEN_TTL_S },
            world.state.jwtSecret,
          ),
        };
        world.state.operators[id] = op;
        world.changed();
        return operatorReply(op);
      }),
    },
    PUT: {
      schema: C.ZUpdateOperatorRequest,
      handle: withAccount(({ world, body }, acc) => {
        const b = body as C.TUpdateOperatorRequest;
        const op = world.state.operators[b.id];
        if (!op || op.accountId !== acc.id) return NOT_FOUND;
        const unknown = unknownDepartment(world.state, acc.id, b.departments);
        if (unknown !== undefined) return bad(`unknown department: ${unknown}`);
        op.name = b.name;
        op.active = b.active;
        op.departments = [...b.departments];
        if (b.login !== undefined) op.login = b.login;
        if (b.password !== undefined) op.hasPassword = true;
        if (b.isAdmin !== undefined) op.isAdmin = b.isAdmin === true || b.isAdmin === "true";
        world.changed();
        return operatorReply(op);
      }),
    },
  }),
  route("/account/:id/satisfaction/by-date", {
    POST: {
      schema: C.ZSatisfactionByDateRequest,
      handle: withAccount(({ world, body }, acc) => {
        const b = body as C.TSatisfactionByDateRequest;
        const data = world.state.attendances
          .filter((a) => a.accountId === acc.id && a.entry.endTime >= b.start && a.entry.endTime <= b.end)
          .map(reportEntry);
        return ok({ success: true, data });
      }),
    },
  }),
  route("/account/:id/satisfaction/by-operator", {
    POST: {
      schema: C.ZSatisfactionByOperatorRequest,
      handle: withAccount(({ world, body }, acc) => {
        const b = body as C.TSatisfactionByOperatorRequest;
        const data = world.state.attendances
          .filter(
            (a) =>
              a.accountId === acc.id &&
              a.entry.endTime >= b.start &&
              a.entry.endTime <= b.end &&
              a.entry.operators?.[b.operatorId] === true,
          )
          .map(reportEntry);
        return ok({ success: true, data });
      }),
    },
  }),
  route("/account/:id/satisfaction/by-ticket", {
    POST: {
      schema: C.ZSatisfactionByTicketRequest,
      handle: withAccount(({ world, body }, acc) => {
        const b = body as C.TSatisfactionByTicketRequest;
        const found = world.state.attendances.find(
          (a) => a.accountId === acc.id && a.entry.attendanceNumber === b.ticket,
        );
        return ok({ success: true, data: found ? reportEntry(found) : null });
      }),
    },
  }),
  route("/account/:id/ura", {
    POST: {
      schema: C.ZUraRequest,
      handle: withAccount(({ world, body }, acc) => {
        acc.ura = { ...(body as C.TUraRequest) };
        world.changed();
        return ok({ success: true });
      }),
    },
  }),
];

/** Finds the route of a vendor path; params are the `:x` segments in order. */
export function matchRoute(vendorPath: string): { route: Route; params: string[] } | undefined {
  const segments = vendorPath.split("/").filter(Boolean);
  outer: for (const r of ROUTES) {
    if (r.segments.length !== segments.length) continue;
    const params: string[] = [];
    for (let i = 0; i < segments.length; i++) {
      const want = r.segments[i] as string;
      const got = segments[i] as string;
      if (want.startsWith(":")) params.push(decodeURIComponent(got));
      else if (want !== got) continue outer;
    }
    return { route: r, params };
  }
  return undefined;
}

export type { Endpoint };
