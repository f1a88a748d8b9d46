/**
 * The fault matrix: every vendor-changing call × every fault kind, against the emulator over
 * HTTP, through the tRPC caller as a real admin, on every test database. For each cell:
 *  1. the user-facing result is a success or a clear error code (never INTERNAL);
 *  2. the database is consistent right after (success ⇒ synced; a failed create ⇒ uncertain,
 *     or nothing when the vendor certainly did not apply it);
 *  3. after the fault clears and the reconciler runs (plus, for an account the vendor cannot
 *     look up, the admin's deliberate attach/retry), there is exactly one vendor object per
 *     local record — zero lost, zero duplicated, zero orphans — and every operator token is
 *     stored encrypted and equals the vendor's current one.
 * The matrix is printed as a table.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull, sql } from "drizzle-orm";
import { TRPCError } from "@trpc/server";
import { startPlugchatEmulator, type PlugchatEmulator } from "@/emulators/plugchat";
import { AppError } from "@/server/errors";
import { decryptOperatorToken } from "@/server/crypto";
import { departments, operators, vendorAccounts } from "@/server/db/schema";
import { createChatProvider } from "@/server/providers";
import type { ChatProvider } from "@/server/providers/types";
import { reconcileOrganization } from "@/server/provisioning";
import { callerFor, createMember } from "../helpers/context";
import { createTestDb, testDbKinds, type TestDbKind } from "../helpers/db";

const TOKEN = "fault-matrix-token";
const CLIENT_TIMEOUT_MS = 500;
const LATE_APPLY_MS = 800;

type Caller = ReturnType<typeof callerFor>;

interface FaultSpec {
  label: string;
  fault: Record<string, unknown>;
  /** Certainly not applied and a definite answer: the create leaves nothing behind. */
  definite?: boolean;
  /** The vendor applies the change after the client gave up: wait before reconciling. */
  lateMs?: number;
}

const FAULTS: FaultSpec[] = [
  { label: "500", fault: { kind: "status", status: 500 } },
  { label: "503", fault: { kind: "status", status: 503 } },
  { label: "429", fault: { kind: "rate_limit", retryAfter: 1 }, definite: true },
  { label: "timeout", fault: { kind: "latency", latencyMs: LATE_APPLY_MS }, lateMs: LATE_APPLY_MS },
  { label: "drop", fault: { kind: "drop" } },
  { label: "commit+500", fault: { kind: "commit_then_fail", status: 500 } },
  { label: "commit+hang", fault: { kind: "commit_then_hang" } },
  { label: "reset", fault: { kind: "reset" } },
  { label: "bad JSON", fault: { kind: "malformed" } },
  { label: "401", fault: { kind: "status", status: 401 }, definite: true },
];

interface Cell {
  org: string;
  caller: Caller;
  /** What the call's setup made (ids, versions). */
  ctx: Record<string, string | number>;
}

interface CallSpec {
  label: string;
  method: string;
  path: string;
  /** The local record the call creates (its state is checked right after). */
  creates?: "account" | "department" | "operator";
  setup(c: Cell): Promise<void>;
  run(c: Cell): Promise<unknown>;
}

const CALLS: CallSpec[] = [
  {
    label: "create account",
    method: "POST",
    path: "^/account$",
    creates: "account",
    setup: async () => undefined,
    run: (c) => c.caller.onboarding.createAccount({ companyName: "Loja Matriz", sessionName: "Loja" }),
  },
  {
    label: "create department",
    method: "POST",
    path: "/departments$",
    creates: "department",
    setup: async (c) => withAccount(c),
    run: (c) => c.caller.departments.create({ name: "Financeiro" }),
  },
  {
    label: "update department",
    method: "PUT",
    path: "/departments$",
    setup: async (c) => {
      await withAccount(c);
      const d = await c.caller.departments.create({ name: "Suporte" });
      c.ctx.id = d.id;
      c.ctx.version = d.version;
    },
    run: (c) =>
      c.caller.departments.update({ id: String(c.ctx.id), version: Number(c.ctx.version), name: "Suporte Técnico" }),
  },
  {
    label: "delete department",
    method: "DELETE",
    path: "/departments/",
    setup: async (c) => {
      await withAccount(c);
      const d = await c.caller.departments.create({ name: "Vendas" });
      c.ctx.id = d.id;
      c.ctx.version = d.version;
    },
    run: (c) => c.caller.departments.remove({ id: String(c.ctx.id), version: Number(c.ctx.version) }),
  },
  {
    label: "create operator",
    method: "POST",
    path: "/operators$",
    creates: "operator",
    setup: async (c) => {
      await withAccount(c);
      c.ctx.dept = (await c.caller.departments.create({ name: "Atendimento" })).id;
    },
    run: (c) =>
      c.caller.operators.create({
        name: "Ana Lima",
        departmentIds: [String(c.ctx.dept)],
        isAdmin: false,
        login: "ana",
        password: "senha-forte-123",
      }),
  },
  {
    label: "update operator",
    method: "PUT",
    path: "/operators$",
    setup: async (c) => {
      await withAccount(c);
      const op = await c.caller.operators.create({ name: "Bruno", departmentIds: [], isAdmin: false });
      c.ctx.id = op.id;
      c.ctx.version = op.version;
    },
    run: (c) =>
      c.caller.operators.update({
        id: String(c.ctx.id),
        version: Number(c.ctx.version),
        name: "Bruno Alves",
        active: false,
      }),
  },
  {
    label: "subscription",
    method: "POST",
    path: "/subscription$",
    setup: async (c) => withAccount(c),
    run: (c) => c.caller.plan.subscribe({ seats: 3, pricePerSeatCents: null }),
  },
];

async function withAccount(c: Cell): Promise<void> {
  await c.caller.onboarding.createAccount({ companyName: "Loja", sessionName: "Loja" });
  await c.caller.departments.refresh(); // mirrors the vendor's default "Geral"
}

/** The user-facing outcome: "ok" or the AppError code; anything else fails the test. */
async function userOutcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    expect(e.code).not.toBe("INTERNAL_SERVER_ERROR");
    expect(e.cause).toBeInstanceOf(AppError);
    return (e.cause as AppError).info.code;
  }
}

interface EmuState {
  accounts: Array<{ id: string; externalId: string; subscription: { quantity: number } | null }>;
  departments: Array<{ id: string; accountId: string; name: string }>;
  operators: Array<{ id: string; accountId: string; name: string; active: boolean; accessToken: string }>;
}

async function emuState(emu: PlugchatEmulator): Promise<EmuState> {
  const res = await fetch(`${emu.origin}/__emulator/state`);
  const body = (await res.json()) as {
    accounts: EmuState["accounts"] | Record<string, EmuState["accounts"][number]>;
    departments: unknown;
    operators: unknown;
  };
  const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : Object.values(v as Record<string, T>));
  return { accounts: list(body.accounts), departments: list(body.departments), operators: list(body.operators) };
}

async function control(emu: PlugchatEmulator, method: string, path: string, body?: unknown): Promise<void> {
  const res = await fetch(`${emu.origin}/__emulator${path}`, {
    method,
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(res.status).toBe(200);
}

const SHORT: Record<string, string> = {
  VENDOR_UNAVAILABLE: "unavail",
  VENDOR_TIMEOUT: "timeout",
  VENDOR_RATE_LIMITED: "429",
  VENDOR_MISCONFIGURED: "misconf",
  ACCOUNT_UNCERTAIN: "uncertain",
};

function printMatrix(kind: string, results: Map<string, string>): void {
  const colW = Math.max(...FAULTS.map((f) => f.label.length), ...[...results.values()].map((v) => v.length)) + 1;
  const rowW = Math.max(...CALLS.map((c) => c.label.length)) + 1;
  const line = (cells: string[], first: string) =>
    `${first.padEnd(rowW)}| ${cells.map((c) => c.padEnd(colW)).join("| ")}`;
  const out = [
    `Fault matrix (${kind}) — user result · local state → after reconciler`,
    line(
      FAULTS.map((f) => f.label),
      "call \\ fault",
    ),
    "-".repeat(rowW + (colW + 2) * FAULTS.length),
    ...CALLS.map((c) =>
      line(
        FAULTS.map((f) => results.get(`${c.label}|${f.label}`) ?? "—"),
        c.label,
      ),
    ),
  ];
  console.log(out.join("\n"));
}

describe.each(testDbKinds())("fault matrix (%s)", (kind: TestDbKind) => {
  let handle: Awaited<ReturnType<typeof createTestDb>>;
  let emu: PlugchatEmulator;
  let provider: ChatProvider;
  const results = new Map<string, string>();

  beforeAll(async () => {
    handle = await createTestDb(kind);
    emu = await startPlugchatEmulator({ port: 0, token: TOKEN });
    provider = createChatProvider({ baseUrl: emu.baseUrl, token: TOKEN, timeoutMs: CLIENT_TIMEOUT_MS });
  });
  afterAll(async () => {
    printMatrix(kind, results);
    await emu?.close();
    await handle?.close();
  });

  const cells = CALLS.flatMap((call) => FAULTS.map((fault) => [call.label, fault.label, call, fault] as const));

  it.each(cells)("%s × %s", async (_c, _f, call, fault) => {
    const db = handle.db;
    const member = await createMember(db, { role: "owner" });
    const cell: Cell = { org: member.organizationId, caller: callerFor({ db, provider, member }), ctx: {} };
    await call.setup(cell);

    await control(emu, "POST", "/faults", { ...fault.fault, method: call.method, path: call.path, times: 1 });
    const result = await userOutcome(call.run(cell));
    await control(emu, "DELETE", "/faults");

    // The database right after the call.
    let localState = "";
    if (call.creates === "account") {
      const [row] = await db.select().from(vendorAccounts).where(eq(vendorAccounts.organizationId, cell.org));
      localState = row!.state;
      if (result === "ok") expect(row!.state).toBe("synced");
      else expect(row!.state).toBe(fault.definite ? "failed" : "uncertain");
    } else if (call.creates === "department") {
      const [row] = await db
        .select()
        .from(departments)
        .where(
          and(
            eq(departments.organizationId, cell.org),
            eq(departments.name, "Financeiro"),
            isNull(departments.deletedAt),
          ),
        );
      localState = row?.state ?? "none";
      if (result === "ok") expect(localState).toBe("synced");
      else expect(localState).toBe(fault.definite ? "none" : "uncertain");
    } else if (call.creates === "operator") {
      const [row] = await db
        .select()
        .from(operators)
        .where(and(eq(operators.organizationId, cell.org), eq(operators.name, "Ana Lima")));
      localState = row?.state ?? "none";
      if (result === "ok") expect(localState).toBe("synced");
      else expect(localState).toBe(fault.definite ? "none" : "uncertain");
    }

    // The fault is gone; a late vendor-side apply lands; the reconciler runs.
    if (fault.lateMs) await new Promise((r) => setTimeout(r, fault.lateMs! - CLIENT_TIMEOUT_MS + 300));
    const report = await reconcileOrganization(db, provider, cell.org, { settleMs: 0, trigger: "manual" });
    expect(report.ran).toBe(true);
    expect(report.error).toBeNull();
    let fix = report.adopted ? "adopted" : report.recreated ? "recreated" : report.refreshed ? "refreshed" : "";

    // The account cannot be looked up at the vendor: the admin resolves it deliberately.
    const [acc] = await db.select().from(vendorAccounts).where(eq(vendorAccounts.organizationId, cell.org));
    if (acc!.state !== "synced") {
      const status = await cell.caller.reliability.status();
      expect(status.needsAttention.map((i) => i.type)).toContain("account");
      const found = (await emuState(emu)).accounts.find((a) => a.externalId === cell.org);
      if (found) {
        await cell.caller.onboarding.attachAccount({ vendorAccountId: found.id });
        fix = "attached";
      } else if (acc!.state === "uncertain") {
        await cell.caller.onboarding.retryAccount({ confirm: true });
        fix = "retried";
      } else {
        await cell.caller.onboarding.createAccount({ companyName: "Loja Matriz", sessionName: "Loja" });
        fix = "resubmitted";
      }
    }
    // A subscription that failed is simply set again by the user (setting seats is idempotent).
    if (call.label === "subscription" && result !== "ok") {
      expect(await userOutcome(cell.caller.plan.subscribe({ seats: 3, pricePerSeatCents: null }))).toBe("ok");
      fix = "resubmitted";
    }

    await expectConsistent(cell.org);
    const shown = result === "ok" ? "ok" : (SHORT[result] ?? result);
    results.set(
      `${call.label}|${fault.label}`,
      `${shown}${localState && localState !== "synced" && localState !== shown ? `·${localState}` : ""}${fix ? `→${fix}` : ""}`,
    );
  });

  /** Exactly one vendor object per local record, nothing lost, nothing extra, tokens encrypted. */
  async function expectConsistent(org: string): Promise<void> {
    const db = handle.db;
    const state = await emuState(emu);
    const [acc] = await db.select().from(vendorAccounts).where(eq(vendorAccounts.organizationId, org));
    const vendorAccountsForOrg = state.accounts.filter((a) => a.externalId === org);
    expect(vendorAccountsForOrg).toHaveLength(1);
    expect(acc!.state).toBe("synced");
    expect(acc!.vendorAccountId).toBe(vendorAccountsForOrg[0]!.id);
    const accountId = acc!.vendorAccountId!;

    const localDepts = await db
      .select()
      .from(departments)
      .where(and(eq(departments.organizationId, org), isNull(departments.deletedAt)));
    const remoteDepts = state.departments.filter((d) => d.accountId === accountId);
    for (const d of localDepts) expect(["synced", "failed"], `department ${d.name} is ${d.state}`).toContain(d.state);
    const syncedDepts = localDepts.filter((d) => d.state === "synced");
    // Geral is mirrored only once the admin refreshed; every other vendor department has its one local record.
    const remoteToCompare = syncedDepts.some((d) => d.isDefault)
      ? remoteDepts
      : remoteDepts.filter((d) => d.name !== "Geral");
    expect(syncedDepts.map((d) => d.vendorId).sort()).toEqual(remoteToCompare.map((d) => d.id).sort());
    for (const d of syncedDepts) expect(remoteDepts.find((r) => r.id === d.vendorId)?.name).toBe(d.name);
    for (const d of localDepts.filter((x) => x.state === "failed"))
      expect(remoteDepts.some((r) => r.name === d.name)).toBe(false);

    const localOps = await db.select().from(operators).where(eq(operators.organizationId, org));
    const remoteOps = state.operators.filter((o) => o.accountId === accountId);
    for (const o of localOps) expect(["synced", "failed"], `operator ${o.name} is ${o.state}`).toContain(o.state);
    const syncedOps = localOps.filter((o) => o.state === "synced");
    expect(syncedOps.map((o) => o.vendorId).sort()).toEqual(remoteOps.map((o) => o.id).sort());
    for (const o of syncedOps) {
      const remote = remoteOps.find((r) => r.id === o.vendorId)!;
      expect(o.name).toBe(remote.name);
      expect(o.active).toBe(remote.active);
      expect(o.accessTokenCiphertext).toMatch(/^v1\./);
      expect(decryptOperatorToken(o.id, o.accessTokenCiphertext!)).toBe(remote.accessToken);
    }
    // No plaintext token or password anywhere in the organization's rows.
    const dump = JSON.stringify(
      await db.execute(
        sql`select row_to_json(o)::text as j from operators o where o.organization_id = ${org} union all select row_to_json(a)::text from audit_log a where a.organization_id = ${org}`,
      ),
    );
    for (const o of remoteOps) expect(dump).not.toContain(o.accessToken);
    expect(dump).not.toContain("senha-forte-123");
  }
});
