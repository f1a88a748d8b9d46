/**
 * Suspender / Reativar against the emulator over HTTP, on every test database: operators with a
 * mix of active and inactive states are switched off at the chat provider and restored EXACTLY;
 * a vendor fault in the middle of either leaves some done and the rest with their stored state,
 * and the next reconciler sweep finishes the job (never half, never a second change of an
 * operator already done). Members of a suspended organization reach no organization procedure.
 */
import { and, eq } from "drizzle-orm";
import { TRPCError } from "@trpc/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PlugchatEmulator } from "@/emulators/plugchat";
import type { Db } from "@/server/db/client";
import { auditLog, operators, organizations } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import type { ChatProvider } from "@/server/providers/types";
import { reconcileAll } from "@/server/provisioning";
import { callerFor, createMember, type TestMember } from "../helpers/context";
import { testDbKinds } from "../helpers/db";
import { startEmulatedPortal, type EmulatedPortal } from "../helpers/emulated";
import { createStaff, staffCaller } from "./helpers";

const TOKEN = "suspension-token";
const CLIENT_TIMEOUT_MS = 500;

async function appCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    if (e.cause instanceof AppError) return e.cause.info.code;
    if (e.code === "BAD_REQUEST") return "VALIDATION";
    throw e;
  }
}

/** Faults in the middle of a pass: the first operator update fails in the given way (3 times: the client retries twice). */
const FAULTS = [
  { label: "503 (not applied)", fault: { kind: "status", status: 503 } },
  { label: "applied, then 500", fault: { kind: "commit_then_fail", status: 500 } },
  { label: "connection dropped", fault: { kind: "drop" } },
  { label: "timeout (applied late)", fault: { kind: "latency", latencyMs: 800 }, lateMs: 800 },
] as const;

describe.each(testDbKinds())("suspension (%s)", (kind) => {
  let portal: EmulatedPortal;
  let db: Db;
  let emu: PlugchatEmulator;
  let provider: ChatProvider;

  beforeAll(async () => {
    portal = await startEmulatedPortal(kind, TOKEN, { timeoutMs: CLIENT_TIMEOUT_MS });
    ({ db, emu, provider } = portal);
  });
  afterEach(() => emu.clearFaults());
  afterAll(async () => portal?.close());

  /** An onboarded customer with four operators: two active, two inactive (mixed order). */
  async function customer(): Promise<{ owner: TestMember; ids: string[]; wanted: Record<string, boolean> }> {
    const owner = await createMember(db, { role: "owner" });
    const caller = callerFor({ db, provider, member: owner });
    await caller.onboarding.createAccount({ companyName: "Loja Suspensa", sessionName: "Loja" });
    await caller.departments.refresh();
    const wanted: Record<string, boolean> = {};
    const ids: string[] = [];
    for (const [name, active] of [
      ["Ana Ativa", true],
      ["Bruno Inativo", false],
      ["Carla Ativa", true],
      ["Davi Inativo", false],
    ] as const) {
      const op = await caller.operators.create({ name, departmentIds: [], isAdmin: false });
      if (!active) await caller.operators.update({ id: op.id, version: op.version, active: false });
      const [row] = await db.select({ vendorId: operators.vendorId }).from(operators).where(eq(operators.id, op.id));
      wanted[row!.vendorId!] = active;
      ids.push(op.id);
    }
    return { owner, ids, wanted };
  }

  /** Each of the customer's operators' `active` at the emulator, by vendor id. */
  function atVendor(vendorIds: string[]): Record<string, boolean> {
    return Object.fromEntries(vendorIds.map((id) => [id, emu.state.operators[id]!.active]));
  }

  async function local(organizationId: string) {
    return db
      .select({ vendorId: operators.vendorId, active: operators.active, stored: operators.activeBeforeSuspension })
      .from(operators)
      .where(eq(operators.organizationId, organizationId));
  }

  const allInactive = (wanted: Record<string, boolean>) =>
    Object.fromEntries(Object.keys(wanted).map((id) => [id, false]));

  // The first test of the file also pays for the database's and the emulator's first use (slow on a busy machine).
  it(
    "suspend: operators off at the provider, members blocked, account pages still open; reactivate: exactly as before",
    { timeout: 90_000 },
    async () => {
      const { owner, wanted } = await customer();
      const staff = await createStaff(db, { name: "Ana Plataforma" });
      const console_ = staffCaller(db, staff, provider);
      const member = callerFor({ db, provider, member: owner });
      const putsBefore = emu.requestCount("PUT /account/:id/operators");

      await console_.console.customer.suspend({ organizationId: owner.organizationId, reason: "Fatura em atraso" });
      expect(atVendor(Object.keys(wanted))).toEqual(allInactive(wanted));
      // Only the two active ones needed a call.
      expect(emu.requestCount("PUT /account/:id/operators") - putsBefore).toBe(2);
      for (const row of await local(owner.organizationId)) expect(row.stored).toBe(wanted[row.vendorId!]);

      // The organization is closed to its members; their own account is not.
      expect(await appCode(member.operators.page({}))).toBe("ORGANIZATION_SUSPENDED");
      expect(await appCode(member.departments.create({ name: "Vendas" }))).toBe("ORGANIZATION_SUSPENDED");
      expect(await appCode(member.chat.session())).toBe("ORGANIZATION_SUSPENDED");
      expect(await appCode(member.sessions.list())).toBe("ok");
      // Suspending twice is a conflict, not a second history entry.
      expect(
        await appCode(console_.console.customer.suspend({ organizationId: owner.organizationId, reason: "de novo" })),
      ).toBe("CONFLICT");

      // A sweep with nothing to do calls the provider for nothing.
      const putsSuspended = emu.requestCount("PUT /account/:id/operators");
      await reconcileAll(db, provider);
      expect(emu.requestCount("PUT /account/:id/operators")).toBe(putsSuspended);

      await console_.console.customer.reactivate({
        organizationId: owner.organizationId,
        reason: "Pagamento recebido",
      });
      expect(atVendor(Object.keys(wanted))).toEqual(wanted);
      expect(emu.requestCount("PUT /account/:id/operators") - putsSuspended).toBe(2);
      for (const row of await local(owner.organizationId)) {
        expect(row.active).toBe(wanted[row.vendorId!]);
        expect(row.stored).toBeNull();
      }
      expect(await appCode(member.operators.page({}))).toBe("ok");

      // The history: both staff actions with their reasons, in the customer's audit log.
      const detail = await console_.console.customer.get({ organizationId: owner.organizationId });
      expect(detail.suspendedAt).toBeNull();
      expect(detail.suspensions.map((s) => [s.action, s.actorKind, s.details?.staffReason])).toEqual([
        ["staff.reactivate", "staff", "Pagamento recebido"],
        ["staff.suspend", "staff", "Fatura em atraso"],
      ]);
      expect(JSON.stringify(detail)).not.toMatch(/eyJ/); // no accessToken (a JWT) anywhere
    },
  );

  it.each(FAULTS)("a fault in the middle ($label) resumes on the next sweep, both ways", async (spec) => {
    const { owner, wanted } = await customer();
    const staff = await createStaff(db);
    const console_ = staffCaller(db, staff, provider);
    const vendorIds = Object.keys(wanted);
    const settle = async () => {
      if ("lateMs" in spec) await new Promise((r) => setTimeout(r, spec.lateMs + 200));
    };

    emu.addFault({ method: "PUT", path: "/operators$", ...spec.fault, times: 3 });
    const first = await console_.console.customer.suspend({ organizationId: owner.organizationId, reason: "teste" });
    expect(first.done).toBe(false);
    await settle();
    // Half-way: every previous state is stored, whatever the provider did with the failed call.
    for (const row of await local(owner.organizationId)) expect(row.stored).toBe(wanted[row.vendorId!]);
    const [org] = await db.select().from(organizations).where(eq(organizations.id, owner.organizationId));
    expect(org!.suspendedAt).not.toBeNull();

    // The sweep (as the background worker runs it) finishes the job.
    for (let i = 0; i < 3; i++) await reconcileAll(db, provider, { settleMs: 0 });
    expect(atVendor(vendorIds)).toEqual(allInactive(wanted));
    for (const row of await local(owner.organizationId)) {
      expect(row.active).toBe(false);
      expect(row.stored).toBe(wanted[row.vendorId!]);
    }

    emu.addFault({ method: "PUT", path: "/operators$", ...spec.fault, times: 3 });
    const back = await console_.console.customer.reactivate({
      organizationId: owner.organizationId,
      reason: "Pagamento em dia",
    });
    expect(back.done).toBe(false);
    await settle();
    for (let i = 0; i < 3; i++) await reconcileAll(db, provider, { settleMs: 0 });
    expect(atVendor(vendorIds)).toEqual(wanted);
    for (const row of await local(owner.organizationId)) {
      expect(row.active).toBe(wanted[row.vendorId!]);
      expect(row.stored).toBeNull();
    }
    // Nothing is left for the sweep.
    const puts = emu.requestCount("PUT /account/:id/operators");
    await reconcileAll(db, provider, { settleMs: 0 });
    expect(emu.requestCount("PUT /account/:id/operators")).toBe(puts);
  });

  it("a change the customer makes after reactivation wins over a restore still in progress", async () => {
    const { owner, ids, wanted } = await customer();
    const staff = await createStaff(db);
    const console_ = staffCaller(db, staff, provider);
    await console_.console.customer.suspend({ organizationId: owner.organizationId, reason: "teste" });
    // The provider is down when staff reactivate: nothing restored yet.
    emu.addFault({ method: "PUT", path: "/operators$", kind: "status", status: 503, times: 10 });
    await console_.console.customer.reactivate({ organizationId: owner.organizationId, reason: "Pagamento em dia" });
    emu.clearFaults();
    // The owner switches Ana (active before) on themselves... and Carla stays for the sweep.
    const member = callerFor({ db, provider, member: owner });
    const [ana] = await db.select().from(operators).where(eq(operators.id, ids[0]!));
    expect(ana!.active).toBe(false);
    await member.operators.update({ id: ana!.id, version: ana!.version, active: false });
    await reconcileAll(db, provider, { settleMs: 0 });
    const byVendor = Object.fromEntries((await local(owner.organizationId)).map((r) => [r.vendorId!, r]));
    expect(byVendor[ana!.vendorId!]).toMatchObject({ active: false, stored: null });
    const carla = (await db.select().from(operators).where(eq(operators.id, ids[2]!)))[0]!;
    expect(byVendor[carla.vendorId!]).toMatchObject({ active: true, stored: null });
    expect(emu.state.operators[carla.vendorId!]!.active).toBe(wanted[carla.vendorId!]);
    expect(emu.state.operators[ana!.vendorId!]!.active).toBe(false);
  });

  it(
    "Tentar de novo: a doubtful operator is settled through the reconciler (no duplicate), audited as staff.retry",
    { timeout: 90_000 },
    async () => {
      const owner = await createMember(db, { role: "owner" });
      const caller = callerFor({ db, provider, member: owner });
      await caller.onboarding.createAccount({ companyName: "Loja Duvida", sessionName: "Loja" });
      await caller.departments.refresh();
      // Applied at the provider, then a 500, and the list that would settle it at once is down: in doubt.
      emu.addFault({ method: "POST", path: "/operators$", kind: "commit_then_fail", status: 500, times: 1 });
      emu.addFault({ method: "GET", path: "/operators$", kind: "status", status: 503, times: 3 });
      expect(
        await appCode(caller.operators.create({ name: "Eva Duvidosa", departmentIds: [], isAdmin: false })),
      ).not.toBe("ok");
      emu.clearFaults();
      const staff = await createStaff(db, { name: "Caio Plataforma" });
      const console_ = staffCaller(db, staff, provider);
      let detail = await console_.console.customer.get({ organizationId: owner.organizationId });
      expect(detail.operators.map((o) => [o.name, o.state])).toEqual([["Eva Duvidosa", "uncertain"]]);

      await console_.console.customer.retry({ organizationId: owner.organizationId, reason: "cliente ligou" });
      detail = await console_.console.customer.get({ organizationId: owner.organizationId });
      expect(detail.operators).toMatchObject([{ name: "Eva Duvidosa", state: "synced", hasAccessToken: true }]);
      const account = detail.account!.vendorAccountId!;
      const atVendorNamed = Object.values(emu.state.operators).filter(
        (o) => o.accountId === account && o.name === "Eva Duvidosa",
      );
      expect(atVendorNamed).toHaveLength(1);
      expect(detail.timeline[0]).toMatchObject({
        action: "staff.retry",
        actorKind: "staff",
        actorName: "Caio Plataforma",
      });
      expect(detail.timeline[0]!.details).toMatchObject({ staffReason: "cliente ligou" });
    },
  );

  it("only platform staff suspend, with a reason; the audit names the staff account", async () => {
    const owner = await createMember(db, { role: "owner" });
    const ownerCaller = callerFor({ db, provider, member: owner });
    expect(
      await appCode(ownerCaller.console.customer.suspend({ organizationId: owner.organizationId, reason: "x" })),
    ).toBe("FORBIDDEN");
    const staff = await createStaff(db, { name: "Bia Plataforma" });
    const console_ = staffCaller(db, staff, provider);
    expect(
      await appCode(console_.console.customer.suspend({ organizationId: owner.organizationId, reason: " " })),
    ).toBe("VALIDATION");
    // No chat account yet: suspended all the same (nothing at the provider to switch off).
    await console_.console.customer.suspend({ organizationId: owner.organizationId, reason: "Pedido do cliente" });
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, owner.organizationId), eq(auditLog.action, "staff.suspend")));
    expect(entry).toMatchObject({ actorKind: "staff", actorUserId: staff.session.userId });
    expect(entry!.details).toMatchObject({ staffReason: "Pedido do cliente" });
  });
});
