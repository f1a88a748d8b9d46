/**
 * The team area on the CDP backend (issue 7), against the real CDP emulator over HTTP:
 * operators created, edited, deactivated and reactivated through the team procedures with the
 * e-mail form; provider fieldErrors in the tRPC error data the dialog reads; optimistic
 * concurrency; PlugChat-only fields refused by capability; uncertain creates AND updates
 * resolved by the reconciler repeating the upsert (no list call exists on this backend) —
 * exactly one operator at the emulator; a definite refusal → failed; the role matrix; the
 * operators table's e-mail/role filters; the audit log of CDP actions; a deployment's own role
 * codes (CDP_ROLE_CODES) offered, accepted end to end, and a code outside them refused on the field.
 */
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CdpEmulator } from "@/emulators/cdp";
import type { DbHandle } from "@/server/db/client";
import { auditLog, operators } from "@/server/db/schema";
import { createCdpProvider } from "@/server/providers/cdp/provider";
import type { ChatProvider } from "@/server/providers/types";
import { reconcileOrganization } from "@/server/provisioning";
import { ImportWorker } from "@/server/provisioning/import-worker";
import { PROJECT, UPSERT, clientFor, freshSpace, snapshot, startCdpPortal, startEmulator } from "../cdp/helpers";
import { browserShape } from "../helpers/browser-shape";
import { callerFor, createMember, type TestMember } from "../helpers/context";
import { testDbKinds } from "../helpers/db";
import { appCodeOf } from "../helpers/outcome";

async function rejection(p: Promise<unknown>): Promise<TRPCError> {
  const e = await p.then(
    () => new Error("expected a failure"),
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(TRPCError);
  return e as TRPCError;
}

/** Records every provider method called (the reconciler must call none the provider lacks). */
function recording(provider: ChatProvider): { provider: ChatProvider; calls: string[] } {
  const calls: string[] = [];
  const proxy = new Proxy(provider, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        calls.push(String(prop));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { provider: proxy, calls };
}

const person = (
  email: string,
  firstName: string,
  lastName: string,
  extra: Partial<{ roleCode: string; onlyAssignedConversations: boolean; active: boolean }> = {},
) => ({
  email,
  firstName,
  lastName,
  roleCode: "AGENT" as const,
  onlyAssignedConversations: false,
  active: true,
  ...extra,
});

describe.each(testDbKinds())("CDP mode: team operators (%s)", (kind) => {
  let portal: Awaited<ReturnType<typeof startCdpPortal>>;
  let handle: DbHandle;
  let emu: CdpEmulator;
  let provider: ChatProvider;
  let owner: TestMember;
  let ITEM: string;

  beforeAll(async () => {
    ({ handle, emu, provider } = portal = await startCdpPortal(kind, { timeoutMs: 400 }));
  });
  afterAll(() => portal?.close());
  beforeEach(async () => {
    ITEM = freshSpace(emu);
    owner = await createMember(handle.db, { role: "owner", name: "Ana Maria Souza" });
    await as(owner).onboarding.connectSpace({
      companyName: "Padaria Pão Quente",
      projectUuid: PROJECT,
      itemUuid: ITEM,
    });
  });

  const as = (m: TestMember, p: ChatProvider = provider) => callerFor({ db: handle.db, provider: p, member: m });
  const remoteOf = async (email: string) =>
    (await snapshot(emu)).operators.filter((o) => o.itemUuid === ITEM && o.email === email);

  it("creates, edits, deactivates and reactivates an e-mail operator from the team page", async () => {
    const caller = as(owner);
    const created = await caller.operators.create(
      person("bia@example.com", "Bia", "Lima", { roleCode: "SUPERVISOR", onlyAssignedConversations: true }),
    );
    expect(created).toMatchObject({
      state: "synced",
      name: "Bia Lima",
      email: "bia@example.com",
      roleCode: "SUPERVISOR",
      onlyAssignedConversations: true,
      isAdmin: false,
      departmentIds: [],
    });

    // The dialog sends the whole e-mail form with the version it read.
    const edited = await caller.operators.update({
      id: created.id,
      version: created.version,
      ...person("bia@example.com", "Beatriz", "Lima Souza", { roleCode: "ADMIN", onlyAssignedConversations: false }),
    });
    expect(edited).toMatchObject({
      name: "Beatriz Lima Souza",
      firstName: "Beatriz",
      lastName: "Lima Souza",
      roleCode: "ADMIN",
      isAdmin: true,
      onlyAssignedConversations: false,
      state: "synced",
    });
    expect(edited.version).toBeGreaterThan(created.version);
    expect(await remoteOf("bia@example.com")).toEqual([
      expect.objectContaining({
        firstName: "Beatriz",
        lastName: "Lima Souza",
        roleCode: "ADMIN",
        onlyAssignedConversations: false,
        access: true,
      }),
    ]);

    // The table's (de)activate button sends only `active`.
    const off = await caller.operators.update({ id: edited.id, version: edited.version, active: false });
    expect(off.active).toBe(false);
    expect(await remoteOf("bia@example.com")).toEqual([
      expect.objectContaining({ access: false, roleCode: "ADMIN", firstName: "Beatriz" }),
    ]);
    const on = await caller.operators.update({ id: off.id, version: off.version, active: true });
    expect(on.active).toBe(true);
    const remote = await remoteOf("bia@example.com");
    expect(remote).toHaveLength(1);
    expect(remote[0]).toMatchObject({ access: true, enabled: true });

    // The operators table: e-mail search, role filter.
    await caller.operators.create(person("caio@example.com", "Caio", "Reis"));
    expect((await caller.operators.page({ search: "caio@" })).items.map((o) => o.email)).toEqual(["caio@example.com"]);
    expect((await caller.operators.page({ role: "ADMIN" })).items.map((o) => o.email)).toEqual(["bia@example.com"]);
    expect((await caller.operators.page({ role: "AGENT" })).items.map((o) => o.email)).toEqual(["caio@example.com"]);
    expect((await caller.operators.page({})).total).toBe(2);

    // The audit log knows these CDP actions, and its filter works on them.
    const actions = await caller.audit.actions();
    expect(actions).toEqual(expect.arrayContaining(["account.connect", "operator.create", "operator.update"]));
    const updates = await caller.audit.list({ action: "operator.update" });
    expect(updates.items).toHaveLength(3);
    expect(updates.items.every((e) => e.result === "success" && e.action === "operator.update")).toBe(true);
    // The update that made Bia an administrator says so, before → after.
    const roleChanges = updates.items.map((e) => (e.details?.changes as { roleCode?: unknown } | undefined)?.roleCode);
    expect(roleChanges).toContainEqual({ from: "SUPERVISOR", to: "ADMIN" });
  });

  it("PlugChat-only fields are refused by capability, on their field", async () => {
    const caller = as(owner);
    const op = await caller.operators.create(person("dani@example.com", "Dani", "Alves"));
    const cases: Array<[{ login?: string; password?: string; departmentIds?: string[] }, string]> = [
      [{ login: "dani" }, "login"],
      [{ password: "uma-senha-longa" }, "password"],
      [{ departmentIds: [randomUUID()] }, "departmentIds"],
    ];
    for (const [input, field] of cases) {
      const e = await rejection(caller.operators.update({ id: op.id, version: op.version, ...input }));
      expect(e.code).toBe("BAD_REQUEST");
      expect(browserShape(e, "operators.update").data.appError).toMatchObject({ code: "VALIDATION", field });
    }
    // The PlugChat create form is refused on this backend (the e-mail form is the one).
    expect(await appCodeOf(caller.operators.create({ name: "Dani Alves", isAdmin: false, departmentIds: [] }))).toBe(
      "VALIDATION",
    );
    // A cleared login (what an old client may send) is harmless.
    expect((await caller.operators.update({ id: op.id, version: op.version, login: null, active: true })).state).toBe(
      "synced",
    );
  });

  it("provider fieldErrors reach data.fieldErrors under the form's field names; nothing changes locally", async () => {
    const caller = as(owner);
    await caller.operators.create(person("a@example.com", "Ana", "A"));
    const b = await caller.operators.create(person("b@example.com", "Bia", "B"));
    // b's e-mail changed to a's in the dialog: the gateway refuses (the e-mail belongs to another platform user).
    const e = await rejection(
      caller.operators.update({ id: b.id, version: b.version, ...person("a@example.com", "Bia", "B") }),
    );
    expect(e.code).toBe("UNPROCESSABLE_CONTENT");
    const shape = browserShape(e, "operators.update");
    expect(shape.data.appError).toMatchObject({ code: "VENDOR_REJECTED", field: "email" });
    expect(shape.data.fieldErrors).toEqual({ email: ["e-mail already belongs to another user"] });
    const after = (await caller.operators.page({ search: "Bia" })).items[0]!;
    expect(after).toMatchObject({ email: "b@example.com", state: "synced" });
    // A local rule (the same e-mail twice in the organization) is on the e-mail field too.
    const dup = await rejection(caller.operators.create(person("A@example.com", "Outra", "Pessoa")));
    expect(browserShape(dup, "operators.update").data.appError).toMatchObject({
      code: "OPERATOR_EMAIL_TAKEN",
      field: "email",
    });
  });

  it("a deployment's own role codes (OWNER,AGENT): offered, accepted end to end, and a code outside them refused on the field", async () => {
    // A gateway that knows only OWNER and AGENT, and a portal configured with the same list.
    const gateway = await startEmulator({ roleCodes: ["OWNER", "AGENT"] });
    try {
      gateway.addSpace({ projectUuid: PROJECT, itemUuid: ITEM });
      const custom = createCdpProvider(clientFor(gateway, { retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 } }), {
        roleCodes: ["OWNER", "AGENT"],
      });
      const caller = as(owner, custom);
      expect((await caller.provider.capabilities()).roleCodes).toEqual(["OWNER", "AGENT"]);
      expect((await caller.onboarding.get()).provider.roleCodes).toEqual(["OWNER", "AGENT"]);

      // OWNER is the list's first code: the administrator's.
      const gil = await caller.operators.create(person("gil@example.com", "Gil", "Prado", { roleCode: "OWNER" }));
      expect(gil).toMatchObject({ state: "synced", roleCode: "OWNER", isAdmin: true });
      const ivo = await caller.operators.create(person("ivo@example.com", "Ivo", "Nunes"));
      expect(ivo).toMatchObject({ state: "synced", roleCode: "AGENT", isAdmin: false });
      const bindings = (await snapshot(gateway)).operators;
      expect(bindings.find((o) => o.email === "gil@example.com")).toMatchObject({ roleCode: "OWNER", access: true });
      expect(bindings.find((o) => o.email === "ivo@example.com")).toMatchObject({ roleCode: "AGENT", access: true });

      // A code outside the list is refused on the field, in words, before any call to the gateway.
      const calls = gateway.requestCount(UPSERT);
      const refused = await rejection(
        caller.operators.create(person("ana@example.com", "Ana", "Souza", { roleCode: "ADMIN" })),
      );
      expect(refused.code).toBe("BAD_REQUEST");
      const shape = browserShape(refused, "operators.create");
      expect(shape.data.appError).toMatchObject({ code: "VALIDATION", field: "roleCode" });
      expect(shape.data.fieldErrors).toEqual({ roleCode: ["validation.unknownRole"] });
      const edit = await rejection(
        caller.operators.update({
          id: ivo.id,
          version: ivo.version,
          ...person("ivo@example.com", "Ivo", "Nunes", { roleCode: "SUPERVISOR" }),
        }),
      );
      expect(browserShape(edit, "operators.update").data.fieldErrors).toEqual({
        roleCode: ["validation.unknownRole"],
      });
      expect(await appCodeOf(caller.operators.update({ id: ivo.id, version: ivo.version, roleCode: "ADMIN" }))).toBe(
        "VALIDATION",
      );
      expect(gateway.requestCount(UPSERT)).toBe(calls);
      expect((await caller.operators.page({ search: "ana@" })).items).toEqual([]);

      // Promoting to the administrator's code through the team dialog: isAdmin follows.
      const promoted = await caller.operators.update({
        id: ivo.id,
        version: ivo.version,
        ...person("ivo@example.com", "Ivo", "Nunes", { roleCode: "OWNER" }),
      });
      expect(promoted).toMatchObject({ roleCode: "OWNER", isAdmin: true, state: "synced" });
      expect((await snapshot(gateway)).operators.find((o) => o.email === "ivo@example.com")).toMatchObject({
        roleCode: "OWNER",
      });
      // The table filters by a configured code.
      expect((await caller.operators.page({ role: "OWNER" })).items.map((o) => o.email).sort()).toEqual([
        "gil@example.com",
        "ivo@example.com",
      ]);
    } finally {
      await gateway.close();
    }
  });

  it("the CSV import with a deployment's own role codes: admin rows get the first code, the others the last", async () => {
    const gateway = await startEmulator({ roleCodes: ["OWNER", "AGENT"] });
    try {
      gateway.addSpace({ projectUuid: PROJECT, itemUuid: ITEM });
      const custom = createCdpProvider(clientFor(gateway, { retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 } }), {
        roleCodes: ["OWNER", "AGENT"],
      });
      const imports = as(owner, custom).imports;
      const { jobId } = await imports.start({
        csv: "email;nome;sobrenome;admin\r\nlia@example.com;Lia;Reis;sim\r\nrui@example.com;Rui;Dias;não",
      });
      await new ImportWorker({
        db: handle.db,
        provider: custom,
        concurrency: 2,
        pollMs: 20,
        settleMs: 100,
        graceMs: 1_000,
      }).drain();
      expect(await imports.get({ jobId })).toMatchObject({ status: "done", total: 2 });
      const bindings = (await snapshot(gateway)).operators;
      expect(bindings.find((o) => o.email === "lia@example.com")).toMatchObject({ roleCode: "OWNER", access: true });
      expect(bindings.find((o) => o.email === "rui@example.com")).toMatchObject({ roleCode: "AGENT", access: true });
      const rows = (await as(owner, custom).operators.page({ sort: "name" })).items;
      expect(rows.map((o) => [o.email, o.roleCode, o.isAdmin])).toEqual([
        ["lia@example.com", "OWNER", true],
        ["rui@example.com", "AGENT", false],
      ]);
    } finally {
      await gateway.close();
    }
  });

  it("two admins save the same version: the second gets CONFLICT and nothing is overwritten", async () => {
    const admin = await createMember(handle.db, { role: "admin", organizationId: owner.organizationId });
    const op = await as(owner).operators.create(person("edu@example.com", "Edu", "Costa"));
    const first = await as(owner).operators.update({
      id: op.id,
      version: op.version,
      ...person("edu@example.com", "Eduardo", "Costa"),
    });
    expect(
      await appCodeOf(
        as(admin).operators.update({ id: op.id, version: op.version, ...person("edu@example.com", "Edu", "Outro") }),
      ),
    ).toBe("CONFLICT");
    const [row] = await handle.db.select().from(operators).where(eq(operators.id, op.id));
    expect(row).toMatchObject({ firstName: "Eduardo", lastName: "Costa", version: first.version });
    expect(await remoteOf("edu@example.com")).toEqual([
      expect.objectContaining({ firstName: "Eduardo", lastName: "Costa" }),
    ]);
  });

  it("role matrix: owner and admin create and edit; a member reads only; anonymous and strangers are refused", async () => {
    const admin = await createMember(handle.db, { role: "admin", organizationId: owner.organizationId });
    const member = await createMember(handle.db, { role: "member", organizationId: owner.organizationId });
    const stranger = await createMember(handle.db, { role: "owner" });
    const op = await as(admin).operators.create(person("fabi@example.com", "Fabi", "Melo"));
    const v2 = await as(admin).operators.update({ id: op.id, version: op.version, active: false });
    expect(await appCodeOf(as(member).operators.update({ id: op.id, version: v2.version, active: true }))).toBe(
      "FORBIDDEN",
    );
    expect(await appCodeOf(as(member).operators.create(person("nao@example.com", "Não", "Pode")))).toBe("FORBIDDEN");
    expect((await as(member).operators.page({})).items.map((o) => [o.email, o.active])).toEqual([
      ["fabi@example.com", false],
    ]);
    // Another organization's operator is NOT_FOUND (same answer as a missing one).
    const otherItem = randomUUID();
    emu.addSpace({ projectUuid: PROJECT, itemUuid: otherItem });
    await as(stranger).onboarding.connectSpace({ companyName: "Outra", projectUuid: PROJECT, itemUuid: otherItem });
    expect(await appCodeOf(as(stranger).operators.update({ id: op.id, version: v2.version, active: true }))).toBe(
      "NOT_FOUND",
    );
    expect((await as(stranger).operators.page({})).total).toBe(0);
    expect(
      await appCodeOf(
        callerFor({ db: handle.db, provider, member: null }).operators.update({
          id: op.id,
          version: v2.version,
          active: true,
        }),
      ),
    ).toBe("UNAUTHENTICATED");
    expect((await snapshot(emu)).operators.filter((o) => o.itemUuid === ITEM)).toHaveLength(1);
    expect(await remoteOf("nao@example.com")).toHaveLength(0);
  });

  it("an uncertain create (commit then 500, twice) is resolved by the reconciler repeating the upsert: one operator", async () => {
    const caller = as(owner);
    // The create and its immediate repeat are both applied-then-failed → uncertain.
    emu.addFault({ method: "POST", path: "/operators$", kind: "commit_then_fail", status: 500, times: 2 });
    const input = person("gil@example.com", "Gil", "Prado", { roleCode: "SUPERVISOR" });
    expect(await appCodeOf(caller.operators.create(input))).toBe("VENDOR_UNAVAILABLE");
    const row = (await caller.operators.page({ search: "gil@" })).items[0]!;
    expect(row.state).toBe("uncertain");

    const { provider: spy, calls } = recording(provider);
    const report = await reconcileOrganization(handle.db, spy, owner.organizationId, { settleMs: 0, graceMs: 0 });
    expect(report).toMatchObject({ ran: true, error: null, recreated: 1, failed: 0 });
    // Only the upsert: no list (the provider has none), no departments.
    expect([...new Set(calls)]).toEqual(["createOperator"]);
    const settled = (await caller.operators.page({ search: "gil@" })).items[0]!;
    expect(settled).toMatchObject({ id: row.id, state: "synced", roleCode: "SUPERVISOR", lastError: null });
    const remote = await remoteOf("gil@example.com");
    expect(remote).toHaveLength(1);
    expect(remote[0]!.writes).toBe(3);
    // The audit trail: the create in doubt, then the system's repeat.
    const trail = await handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, row.id))
      .orderBy(auditLog.createdAt);
    expect(trail.map((e) => [e.action, e.result])).toEqual([
      ["operator.create", "uncertain"],
      ["operator.reconcile", "success"],
    ]);
    const reconciled = (await caller.audit.list({ action: "operator.reconcile" })).items;
    expect(reconciled).toEqual([
      expect.objectContaining({
        result: "success",
        actorName: null,
        details: expect.objectContaining({ outcome: "upsert repeated", operation: "create" }),
      }),
    ]);
    // A second run has nothing left to do.
    expect(
      await reconcileOrganization(handle.db, provider, owner.organizationId, { settleMs: 0, graceMs: 0 }),
    ).toMatchObject({ examined: 0, recreated: 0 });
  });

  it("a timed-out create (the gateway applies it and never answers) is settled the same way", async () => {
    const caller = as(owner);
    emu.addFault({ method: "POST", path: "/operators$", kind: "commit_then_hang", times: 2 });
    expect(await appCodeOf(caller.operators.create(person("hana@example.com", "Hana", "Kato")))).toBe("VENDOR_TIMEOUT");
    expect((await caller.operators.page({ search: "hana@" })).items[0]!.state).toBe("uncertain");
    const report = await reconcileOrganization(handle.db, provider, owner.organizationId, { settleMs: 0, graceMs: 0 });
    expect(report).toMatchObject({ error: null, recreated: 1 });
    expect((await caller.operators.page({ search: "hana@" })).items[0]!.state).toBe("synced");
    expect(await remoteOf("hana@example.com")).toHaveLength(1);
  });

  it("an update in doubt keeps the asked-for values, uncertain, until the repeated upsert settles it", async () => {
    const caller = as(owner);
    const op = await caller.operators.create(person("ivo@example.com", "Ivo", "Nunes"));
    emu.addFault({ method: "POST", path: "/operators$", kind: "commit_then_fail", status: 502, times: 1 });
    const e = await rejection(
      caller.operators.update({
        id: op.id,
        version: op.version,
        ...person("ivo@example.com", "Ivo", "Nunes", { roleCode: "ADMIN", active: false }),
      }),
    );
    expect(e.code).toBe("BAD_GATEWAY");
    const doubtful = (await caller.operators.page({ search: "ivo@" })).items[0]!;
    expect(doubtful).toMatchObject({ state: "uncertain", roleCode: "ADMIN", active: false });
    expect(doubtful.lastError).toMatchObject({ kind: "unavailable", status: 502 });
    // The dashboard / reliability page lists it until then.
    expect((await caller.reliability.status()).needsAttention.map((i) => i.id)).toContain(op.id);

    const { provider: spy, calls } = recording(provider);
    const report = await reconcileOrganization(handle.db, spy, owner.organizationId, { settleMs: 0, graceMs: 0 });
    expect(report).toMatchObject({ error: null, refreshed: 1, failed: 0 });
    expect([...new Set(calls)]).toEqual(["updateOperator"]);
    expect((await caller.operators.page({ search: "ivo@" })).items[0]).toMatchObject({
      state: "synced",
      lastError: null,
      roleCode: "ADMIN",
      active: false,
    });
    expect(await remoteOf("ivo@example.com")).toEqual([expect.objectContaining({ roleCode: "ADMIN", access: false })]);
  });

  it("an admin's next save settles an update in doubt too (the upsert carries the whole binding)", async () => {
    const caller = as(owner);
    const op = await caller.operators.create(person("joana@example.com", "Joana", "Dias"));
    emu.addFault({ method: "POST", path: "/operators$", kind: "commit_then_fail", status: 500, times: 1 });
    await rejection(caller.operators.update({ id: op.id, version: op.version, active: false }));
    const doubtful = (await caller.operators.page({ search: "joana@" })).items[0]!;
    expect(doubtful.state).toBe("uncertain");
    const saved = await caller.operators.update({ id: op.id, version: doubtful.version, active: true });
    expect(saved).toMatchObject({ state: "synced", active: true, lastError: null });
    expect(await remoteOf("joana@example.com")).toEqual([expect.objectContaining({ access: true })]);
  });

  it("a definite refusal when the upsert is repeated → failed with the reason, and not retried", async () => {
    const caller = as(owner);
    emu.addFault({ method: "POST", path: "/operators$", kind: "commit_then_fail", status: 500, times: 2 });
    await appCodeOf(caller.operators.create(person("lia@example.com", "Lia", "Moraes")));
    expect((await caller.operators.page({ search: "lia@" })).items[0]!.state).toBe("uncertain");
    // The gateway now refuses the binding outright.
    emu.addFault({ method: "POST", path: "/operators$", kind: "status", status: 422, times: 1 });
    const report = await reconcileOrganization(handle.db, provider, owner.organizationId, { settleMs: 0, graceMs: 0 });
    expect(report).toMatchObject({ error: null, failed: 1, recreated: 0 });
    const failed = (await caller.operators.page({ search: "lia@" })).items[0]!;
    expect(failed.state).toBe("failed");
    expect(failed.lastError).toMatchObject({ kind: "rejected", status: 422 });
    expect((await caller.audit.list({ action: "operator.reconcile", result: "failure" })).items).toHaveLength(1);
    // A failed row is not retried by later runs.
    expect(
      await reconcileOrganization(handle.db, provider, owner.organizationId, { settleMs: 0, graceMs: 0 }),
    ).toMatchObject({ examined: 0 });
  });

  it("a 503 while repeating leaves it uncertain for the next run, and the rest of the run waits", async () => {
    const caller = as(owner);
    emu.addFault({ method: "POST", path: "/operators$", kind: "commit_then_fail", status: 500, times: 4 });
    await appCodeOf(caller.operators.create(person("mel@example.com", "Mel", "Souza")));
    await appCodeOf(caller.operators.create(person("nina@example.com", "Nina", "Souza")));
    emu.addFault({ method: "POST", path: "/operators$", kind: "status", status: 503, times: 1 });
    const first = await reconcileOrganization(handle.db, provider, owner.organizationId, { settleMs: 0, graceMs: 0 });
    expect(first).toMatchObject({ error: null, recreated: 0, failed: 0 });
    const states = (await caller.operators.page({})).items.map((o) => o.state);
    expect(states).toEqual(["uncertain", "uncertain"]);
    const second = await reconcileOrganization(handle.db, provider, owner.organizationId, { settleMs: 0, graceMs: 0 });
    expect(second).toMatchObject({ error: null, recreated: 2 });
    expect((await snapshot(emu)).operators.filter((o) => o.itemUuid === ITEM)).toHaveLength(2);
  });
});
