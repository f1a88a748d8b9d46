/**
 * "Sincronizar" against the real PlugChat emulator: the vendor is changed behind our back
 * (through its own API and, for what the API cannot do, its state), then each group is
 * detected and each fix leaves exactly one vendor object per local record.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlugchatEmulator, type PlugchatEmulator } from "@/emulators/plugchat";
import type { Db } from "@/server/db/client";
import { auditLog, departments, operators, vendorAccounts } from "@/server/db/schema";
import { decryptOperatorToken } from "@/server/crypto";
import { createChatProvider } from "@/server/providers";
import type { ChatProvider } from "@/server/providers/types";
import { createMember, type TestMember } from "../helpers/context";
import { createTestDb, testDbKinds } from "../helpers/db";
import { appCodeOf } from "../helpers/outcome";
import { teamCaller } from "../team/helpers";
import { createStaff, staffCaller } from "../console/helpers";

const TOKEN = "sync-test-token";

interface Org {
  owner: TestMember;
  admin: TestMember;
  member: TestMember;
  accountId: string;
}

describe.each(testDbKinds())("sincronizar (%s)", (kind) => {
  let db: Db;
  let close: () => Promise<void>;
  let emu: PlugchatEmulator;
  let provider: ChatProvider;

  const as = (m: TestMember | null, p: ChatProvider = provider) => teamCaller(db, m, undefined, p).caller;

  /** A call to the vendor's own API, as someone else using the integrator token would make it. */
  async function vendor<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${emu.baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(res.ok, `${method} ${path}: ${res.status}`).toBe(true);
    return (await res.json()) as T;
  }
  const vendorOperators = (org: Org) =>
    vendor<Array<{ id: string; name: string; active: boolean; departments: string[] }>>(
      "GET",
      `/account/${org.accountId}/operators`,
    );
  const vendorDepartments = (org: Org) =>
    vendor<Array<{ id: string; name: string; active: boolean }>>("GET", `/account/${org.accountId}/departments`);

  async function newOrg(): Promise<Org> {
    const owner = await createMember(db, { role: "owner" });
    const admin = await createMember(db, { role: "admin", organizationId: owner.organizationId });
    const member = await createMember(db, { role: "member", organizationId: owner.organizationId });
    await as(owner).onboarding.createAccount({ companyName: "Loja Sync", sessionName: "Loja Sync" });
    const [account] = await db
      .select()
      .from(vendorAccounts)
      .where(eq(vendorAccounts.organizationId, owner.organizationId));
    return { owner, admin, member, accountId: account!.vendorAccountId! };
  }

  /** Every local operator / department with a vendor id matches exactly one vendor object, and vice versa. */
  async function expectOneToOne(org: Org) {
    const localOps = await db.select().from(operators).where(eq(operators.organizationId, org.owner.organizationId));
    const remoteOps = await vendorOperators(org);
    expect(localOps.map((o) => o.vendorId).sort()).toEqual(remoteOps.map((o) => o.id).sort());
    const localDeps = (
      await db.select().from(departments).where(eq(departments.organizationId, org.owner.organizationId))
    ).filter((d) => d.deletedAt === null);
    const remoteDeps = await vendorDepartments(org);
    expect(localDeps.map((d) => d.vendorId).sort()).toEqual(remoteDeps.map((d) => d.id).sort());
  }

  const auditOf = async (org: Org, action: string) =>
    db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, org.owner.organizationId), eq(auditLog.action, action)));

  beforeAll(async () => {
    const handle = await createTestDb(kind);
    db = handle.db;
    close = handle.close;
    emu = await startPlugchatEmulator({ port: 0, token: TOKEN });
    provider = createChatProvider({ baseUrl: emu.baseUrl, token: TOKEN, timeoutMs: 2000 });
  });
  afterAll(async () => {
    await emu?.close();
    await close();
  });

  it("detects each group: only at the vendor, only with us, different, and in verification", async () => {
    const org = await newOrg();
    const owner = as(org.owner);
    const suporte = await owner.departments.create({ name: "Suporte" });
    const ana = await owner.operators.create({ name: "Ana Lima", isAdmin: false, departmentIds: [suporte.id] });
    // Behind our back: a department and an operator made at the vendor, a rename, a deactivation.
    const fin = await vendor<{ id: string }>("POST", `/account/${org.accountId}/departments`, {
      name: "Financeiro",
      active: true,
    });
    await vendor("POST", `/account/${org.accountId}/operators`, {
      name: "Bruno Vendor",
      active: true,
      departments: [fin.id],
    });
    const [anaRow] = await db.select().from(operators).where(eq(operators.id, ana.id));
    const [supRow] = await db.select().from(departments).where(eq(departments.id, suporte.id));
    await vendor("PUT", `/account/${org.accountId}/operators`, {
      id: anaRow!.vendorId,
      name: "Ana Paula Lima",
      active: true,
      departments: [supRow!.vendorId],
    });
    await vendor("PUT", `/account/${org.accountId}/departments`, {
      id: supRow!.vendorId,
      name: "Suporte",
      active: false,
    });
    // Ours only: a create that failed; in flight: a pending create (the reconciler's job).
    await db.insert(operators).values({
      organizationId: org.owner.organizationId,
      name: "Caio Falhou",
      state: "failed",
      departmentIds: [suporte.id],
    });
    await db
      .insert(operators)
      .values({ organizationId: org.owner.organizationId, name: "Duda Pendente", state: "pending" });

    const cmp = await owner.sync.compare();
    expect(cmp.supported).toEqual({ operators: true, departments: true });
    expect(cmp.operators.onlyVendor).toEqual([
      expect.objectContaining({ name: "Bruno Vendor", active: true, departments: ["Financeiro"] }),
    ]);
    expect(cmp.operators.onlyLocal).toEqual([
      expect.objectContaining({ name: "Caio Falhou", reason: "failed", departments: ["Suporte"] }),
    ]);
    expect(cmp.operators.different).toEqual([
      expect.objectContaining({
        id: ana.id,
        fields: ["name"],
        portal: expect.objectContaining({ name: "Ana Lima" }),
        vendor: expect.objectContaining({ name: "Ana Paula Lima" }),
      }),
    ]);
    expect(cmp.operators.checking).toEqual([expect.objectContaining({ name: "Duda Pendente", state: "pending" })]);
    expect(cmp.departments.onlyVendor.map((d) => [d.name, d.isDefault]).sort()).toEqual([
      ["Financeiro", false],
      ["Geral", true],
    ]);
    expect(cmp.departments.different).toEqual([
      expect.objectContaining({
        id: suporte.id,
        fields: ["active"],
        portal: { name: "Suporte", active: true },
        vendor: { name: "Suporte", active: false },
      }),
    ]);
    expect(cmp.departments.onlyLocal).toEqual([]);

    // The console's Cliente page reads this comparison back by name, without calling the vendor.
    const staff = await createStaff(db, { name: "Caio Plataforma" });
    const vendorCalls = () => Object.values(emu.snapshot().requestCounts).reduce((a, b) => a + b, 0);
    const callsBefore = vendorCalls();
    const { lastSyncComparison } = await staffCaller(db, staff, provider).console.customer.get({
      organizationId: org.owner.organizationId,
    });
    expect(vendorCalls()).toBe(callsBefore);
    expect(lastSyncComparison).toMatchObject({ comparedAt: cmp.comparedAt, comparedBy: org.owner.session.name });
    expect(lastSyncComparison!.summary).toEqual({
      supported: { operators: true, departments: true },
      operators: {
        onlyVendor: ["Bruno Vendor"],
        onlyLocal: ["Caio Falhou"],
        different: ["Ana Lima"],
        checking: ["Duda Pendente"],
        inSync: cmp.operators.inSync,
      },
      departments: {
        onlyVendor: expect.arrayContaining(["Financeiro", "Geral"]),
        onlyLocal: [],
        different: ["Suporte"],
        checking: [],
        inSync: cmp.departments.inSync,
      },
    });
  });

  it("the Cliente page says when a customer never compared; a later comparison replaces the last one", async () => {
    const org = await newOrg();
    const staff = staffCaller(db, await createStaff(db), provider);
    const get = () => staff.console.customer.get({ organizationId: org.owner.organizationId });
    expect((await get()).lastSyncComparison).toBeNull();
    const first = await as(org.owner).sync.compare();
    const second = await as(org.admin).sync.compare();
    expect(second.comparedAt.getTime()).toBeGreaterThanOrEqual(first.comparedAt.getTime());
    expect(await get()).toMatchObject({
      lastSyncComparison: { comparedAt: second.comparedAt, comparedBy: org.admin.session.name },
    });

    // Staff comparing under support access see the differences; what they saw is not kept.
    await as(org.owner).supportAccess.grant({ hours: 1 });
    const staffMember = await createStaff(db, { name: "Duda Plataforma" });
    const support = teamCaller(db, staffMember, org.owner.organizationId, provider).caller;
    expect((await support.sync.compare()).comparedAt.getTime()).toBeGreaterThanOrEqual(second.comparedAt.getTime());
    expect(await get()).toMatchObject({
      lastSyncComparison: { comparedAt: second.comparedAt, comparedBy: org.admin.session.name },
    });
  });

  it("each fix works in both directions and leaves exactly one vendor object per local record", async () => {
    const org = await newOrg();
    const owner = as(org.owner);
    const admin = as(org.admin);
    const suporte = await owner.departments.create({ name: "Suporte" });
    const ana = await owner.operators.create({ name: "Ana Lima", isAdmin: false, departmentIds: [suporte.id] });
    const beto = await owner.operators.create({ name: "Beto Souza", isAdmin: false, departmentIds: [] });
    const [supRow] = await db.select().from(departments).where(eq(departments.id, suporte.id));
    const anaVendorId = (await db.select().from(operators).where(eq(operators.id, ana.id)))[0]!.vendorId!;
    const betoVendorId = (await db.select().from(operators).where(eq(operators.id, beto.id)))[0]!.vendorId!;
    const fin = await vendor<{ id: string }>("POST", `/account/${org.accountId}/departments`, {
      name: "Financeiro",
      active: true,
    });
    const bruno = await vendor<{ id: string; accessToken: string }>("POST", `/account/${org.accountId}/operators`, {
      name: "Bruno Vendor",
      active: false,
      departments: [fin.id],
    });
    await vendor("PUT", `/account/${org.accountId}/operators`, {
      id: anaVendorId,
      name: "Ana Paula",
      active: true,
      departments: [supRow!.vendorId],
    });
    await vendor("PUT", `/account/${org.accountId}/operators`, {
      id: betoVendorId,
      name: "Roberto",
      active: false,
      departments: [supRow!.vendorId],
    });
    await vendor("PUT", `/account/${org.accountId}/departments`, {
      id: supRow!.vendorId,
      name: "Suporte N1",
      active: true,
    });
    await db.insert(operators).values({
      organizationId: org.owner.organizationId,
      name: "Caio Falhou",
      state: "failed",
      departmentIds: [suporte.id],
    });

    let cmp = await admin.sync.compare();
    // Adopt an operator that exists only at the vendor: its unknown department comes with it.
    const adopted = await admin.sync.adopt({ kind: "operator", vendorId: bruno.id });
    const [brunoRow] = await db.select().from(operators).where(eq(operators.id, adopted.id));
    expect(brunoRow).toMatchObject({ name: "Bruno Vendor", active: false, state: "synced", vendorId: bruno.id });
    expect(decryptOperatorToken(brunoRow!.id, brunoRow!.accessTokenCiphertext!)).toBe(bruno.accessToken);
    const [finRow] = await db
      .select()
      .from(departments)
      .where(and(eq(departments.organizationId, org.owner.organizationId), eq(departments.vendorId, fin.id)));
    expect(brunoRow!.departmentIds).toEqual([finRow!.id]);

    // Pull (vendor → portal): Ana's new name; Push (portal → vendor): Beto's name, active and departments back.
    const anaDiff = cmp.operators.different.find((d) => d.id === ana.id)!;
    await admin.sync.pull({ kind: "operator", id: ana.id, version: anaDiff.version });
    expect((await db.select().from(operators).where(eq(operators.id, ana.id)))[0]!.name).toBe("Ana Paula");
    const betoDiff = cmp.operators.different.find((d) => d.id === beto.id)!;
    expect(betoDiff.fields.sort()).toEqual(["active", "departments", "name"]);
    await owner.sync.push({ kind: "operator", id: beto.id, version: betoDiff.version });
    const betoAtVendor = (await vendorOperators(org)).find((o) => o.id === betoVendorId)!;
    expect(betoAtVendor).toMatchObject({ name: "Beto Souza", active: true, departments: [] });

    // Department rename: pulled.
    const supDiff = cmp.departments.different.find((d) => d.id === suporte.id)!;
    await owner.sync.pull({ kind: "department", id: suporte.id, version: supDiff.version });
    expect((await db.select().from(departments).where(eq(departments.id, suporte.id)))[0]!.name).toBe("Suporte N1");

    // Recreate the failed operator at the vendor (exactly once).
    const caio = cmp.operators.onlyLocal.find((o) => o.name === "Caio Falhou")!;
    await admin.sync.recreate({ kind: "operator", id: caio.id, version: caio.version });
    expect((await vendorOperators(org)).filter((o) => o.name === "Caio Falhou")).toHaveLength(1);

    // "Geral" only at the vendor: adopted with everything else that remains.
    const all = await owner.sync.adoptAll();
    expect(all).toEqual({ departments: 1, operators: 0 });

    cmp = await owner.sync.compare();
    for (const group of [cmp.operators, cmp.departments]) {
      expect(group.onlyVendor).toEqual([]);
      expect(group.onlyLocal).toEqual([]);
      expect(group.different).toEqual([]);
    }
    expect(cmp.operators.inSync).toBe(4);
    await expectOneToOne(org);

    // Every fix is in the audit log with its actor and result.
    const adopts = await auditOf(org, "sync.adopt");
    expect(adopts.map((a) => a.result)).toEqual(expect.arrayContaining(["success"]));
    expect(adopts.some((a) => a.actorUserId === org.admin.session.userId && a.targetId === adopted.id)).toBe(true);
    for (const action of ["sync.pull", "sync.push", "sync.recreate"])
      expect((await auditOf(org, action)).every((a) => a.result === "success")).toBe(true);
    expect((await auditOf(org, "operator.update")).some((a) => a.targetId === beto.id && a.result === "success")).toBe(
      true,
    );
  });

  it("a department deleted at the vendor: pushed back (recreated) or forgotten locally, leaving its operators", async () => {
    const org = await newOrg();
    const owner = as(org.owner);
    const a = await owner.departments.create({ name: "Trocas" });
    const b = await owner.departments.create({ name: "Devoluções" });
    const op = await owner.operators.create({ name: "Eva", isAdmin: false, departmentIds: [a.id, b.id] });
    for (const d of [a, b]) {
      const [row] = await db.select().from(departments).where(eq(departments.id, d.id));
      await vendor("DELETE", `/account/${org.accountId}/departments/${row!.vendorId}`);
    }
    const cmp = await owner.sync.compare();
    expect(cmp.departments.onlyLocal.map((d) => [d.name, d.reason]).sort()).toEqual([
      ["Devoluções", "missing_at_vendor"],
      ["Trocas", "missing_at_vendor"],
    ]);
    const trocas = cmp.departments.onlyLocal.find((d) => d.id === a.id)!;
    const devol = cmp.departments.onlyLocal.find((d) => d.id === b.id)!;
    await owner.sync.recreate({ kind: "department", id: trocas.id, version: trocas.version });
    expect((await vendorDepartments(org)).filter((d) => d.name === "Trocas")).toHaveLength(1);
    await as(org.admin).sync.forget({ kind: "department", id: devol.id, version: devol.version });
    const [gone] = await db.select().from(departments).where(eq(departments.id, b.id));
    expect(gone!.deletedAt).not.toBeNull();
    expect((await db.select().from(operators).where(eq(operators.id, op.id)))[0]!.departmentIds).toEqual([a.id]);
    // Forgetting never calls the vendor to change anything: nothing named Devoluções came back.
    expect((await vendorDepartments(org)).some((d) => d.name === "Devoluções")).toBe(false);
    const after = await owner.sync.compare();
    expect(after.departments.onlyLocal).toEqual([]);
    // Eva's department list changed locally (Devoluções left it); the vendor still has the recreated Trocas missing from her.
    expect(after.operators.different.map((d) => d.fields)).toEqual([["departments"]]);
  });

  it("adopting a department we once removed brings our old record back (its vendor id stays unique)", async () => {
    const org = await newOrg();
    const owner = as(org.owner);
    const dep = await owner.departments.create({ name: "Cobrança" });
    await db.update(departments).set({ deletedAt: new Date() }).where(eq(departments.id, dep.id));
    const cmp = await owner.sync.compare();
    const item = cmp.departments.onlyVendor.find((d) => d.name === "Cobrança")!;
    const adopted = await owner.sync.adopt({ kind: "department", vendorId: item.vendorId });
    expect(adopted.id).toBe(dep.id);
    expect((await db.select().from(departments).where(eq(departments.id, dep.id)))[0]).toMatchObject({
      deletedAt: null,
      state: "synced",
    });
  });

  it("an operator that vanished at the vendor can be forgotten (local only)", async () => {
    const org = await newOrg();
    const owner = as(org.owner);
    const op = await owner.operators.create({ name: "Fábio Sumiu", isAdmin: false, departmentIds: [] });
    const [row] = await db.select().from(operators).where(eq(operators.id, op.id));
    // The vendor's API cannot delete operators: the emulator's state is changed directly.
    delete emu.state.operators[row!.vendorId!];
    const cmp = await owner.sync.compare();
    const item = cmp.operators.onlyLocal.find((o) => o.id === op.id)!;
    expect(item.reason).toBe("missing_at_vendor");
    await owner.sync.forget({ kind: "operator", id: op.id, version: item.version });
    expect(await db.select().from(operators).where(eq(operators.id, op.id))).toEqual([]);
    expect((await auditOf(org, "sync.forget"))[0]).toMatchObject({
      result: "success",
      targetType: "operator",
      targetId: op.id,
      actorUserId: org.owner.session.userId,
    });
  });

  it("Geral is adopted, never removable: forgetting it is refused even when the vendor lost it", async () => {
    const org = await newOrg();
    const owner = as(org.owner);
    const cmp = await owner.sync.compare();
    const geral = cmp.departments.onlyVendor.find((d) => d.isDefault)!;
    expect(geral.name).toBe("Geral");
    const adopted = await owner.sync.adopt({ kind: "department", vendorId: geral.vendorId });
    const [row] = await db.select().from(departments).where(eq(departments.id, adopted.id));
    expect(row).toMatchObject({ isDefault: true, state: "synced" });
    delete emu.state.departments[geral.vendorId];
    const lost = (await owner.sync.compare()).departments.onlyLocal.find((d) => d.id === adopted.id)!;
    expect(lost).toMatchObject({ isDefault: true, reason: "missing_at_vendor" });
    expect(await appCodeOf(owner.sync.forget({ kind: "department", id: adopted.id, version: lost.version }))).toBe(
      "DEFAULT_DEPARTMENT",
    );
    expect((await db.select().from(departments).where(eq(departments.id, adopted.id)))[0]!.deletedAt).toBeNull();
    const refusals = await auditOf(org, "sync.forget");
    expect(refusals).toEqual([
      expect.objectContaining({ result: "failure", details: expect.objectContaining({ code: "DEFAULT_DEPARTMENT" }) }),
    ]);
  });

  it("stale input is a conflict: the difference no longer exists or the version changed", async () => {
    const org = await newOrg();
    const owner = as(org.owner);
    const op = await owner.operators.create({ name: "Gil", isAdmin: false, departmentIds: [] });
    const [row] = await db.select().from(operators).where(eq(operators.id, op.id));
    await vendor("PUT", `/account/${org.accountId}/operators`, {
      id: row!.vendorId,
      name: "Gilberto",
      active: true,
      departments: [],
    });
    const cmp = await owner.sync.compare();
    const diff = cmp.operators.different[0]!;
    // Someone edits the record meanwhile: the compared version is stale.
    const edited = await owner.operators.update({ id: op.id, version: diff.version, active: true });
    expect(await appCodeOf(owner.sync.pull({ kind: "operator", id: op.id, version: diff.version }))).toBe("CONFLICT");
    // The vendor is put back as we have it: there is no difference left to fix.
    await vendor("PUT", `/account/${org.accountId}/operators`, {
      id: row!.vendorId,
      name: "Gil",
      active: true,
      departments: [],
    });
    expect(await appCodeOf(owner.sync.push({ kind: "operator", id: op.id, version: edited.version }))).toBe("CONFLICT");
    expect(await appCodeOf(owner.sync.recreate({ kind: "operator", id: op.id, version: edited.version }))).toBe(
      "CONFLICT",
    );
    expect(await appCodeOf(owner.sync.forget({ kind: "operator", id: op.id, version: edited.version }))).toBe(
      "CONFLICT",
    );
    // Adopting twice: the second finds it known.
    const geral = cmp.departments.onlyVendor[0]!;
    await owner.sync.adopt({ kind: "department", vendorId: geral.vendorId });
    expect(await appCodeOf(owner.sync.adopt({ kind: "department", vendorId: geral.vendorId }))).toBe("CONFLICT");
    expect(await appCodeOf(owner.sync.adopt({ kind: "operator", vendorId: "no-such-operator" }))).toBe("CONFLICT");
    // Another organization's record is not found, whatever the version.
    const other = await newOrg();
    expect(await appCodeOf(as(other.owner).sync.pull({ kind: "operator", id: op.id, version: edited.version }))).toBe(
      "NOT_FOUND",
    );
    // Refusals are audited as failures.
    expect((await auditOf(org, "sync.pull")).map((a) => a.result)).toEqual(["failure"]);
    expect((await db.select().from(operators).where(eq(operators.id, op.id)))[0]!.name).toBe("Gil");
  });

  it("role matrix: members are refused every sync procedure; admins and owners are allowed", async () => {
    const org = await newOrg();
    const member = as(org.member);
    const target = { kind: "operator" as const, id: "00000000-0000-4000-8000-000000000000", version: 1 };
    expect(await appCodeOf(member.sync.compare())).toBe("FORBIDDEN");
    expect(await appCodeOf(member.sync.adopt({ kind: "department", vendorId: "x" }))).toBe("FORBIDDEN");
    expect(await appCodeOf(member.sync.adoptAll())).toBe("FORBIDDEN");
    for (const call of [member.sync.push, member.sync.pull, member.sync.recreate, member.sync.forget])
      expect(await appCodeOf(call(target))).toBe("FORBIDDEN");
    expect(await appCodeOf(as(null).sync.compare())).toBe("UNAUTHENTICATED");
    // Nothing changed for the member's attempts; every mutation succeeds for each of admin and owner.
    for (const who of [org.admin, org.owner]) {
      const c = as(who);
      const name = who === org.admin ? "Admin" : "Owner";
      const dep = await vendor<{ id: string }>("POST", `/account/${org.accountId}/departments`, {
        name: `Dep ${name}`,
        active: true,
      });
      await c.sync.adopt({ kind: "department", vendorId: dep.id });
      await vendor("POST", `/account/${org.accountId}/operators`, {
        name: `Op ${name}`,
        active: true,
        departments: [],
      });
      expect((await c.sync.adoptAll()).operators).toBe(1);
      const p = await c.operators.create({ name: `Push ${name}`, isAdmin: false, departmentIds: [] });
      const [pr] = await db.select().from(operators).where(eq(operators.id, p.id));
      await vendor("PUT", `/account/${org.accountId}/operators`, {
        id: pr!.vendorId,
        name: `Outro ${name}`,
        active: true,
        departments: [],
      });
      await c.sync.push({ kind: "operator", id: p.id, version: pr!.version });
      await vendor("PUT", `/account/${org.accountId}/operators`, {
        id: pr!.vendorId,
        name: `Outro ${name}`,
        active: true,
        departments: [],
      });
      const v = (await db.select().from(operators).where(eq(operators.id, p.id)))[0]!.version;
      await c.sync.pull({ kind: "operator", id: p.id, version: v });
      const [failed] = await db
        .insert(operators)
        .values({ organizationId: org.owner.organizationId, name: `Falhou ${name}`, state: "failed" })
        .returning();
      await c.sync.recreate({ kind: "operator", id: failed!.id, version: failed!.version });
      const [failed2] = await db
        .insert(operators)
        .values({ organizationId: org.owner.organizationId, name: `Esquecer ${name}`, state: "failed" })
        .returning();
      await c.sync.forget({ kind: "operator", id: failed2!.id, version: failed2!.version });
    }
    const cmp = await as(org.owner).sync.compare();
    expect(cmp.operators.onlyLocal).toEqual([]);
    expect(cmp.operators.different).toEqual([]);
    expect(cmp.operators.onlyVendor).toEqual([]);
  });

  it("a provider that cannot list: compare says so, and every fix is refused (NOT_SUPPORTED)", async () => {
    const org = await newOrg();
    const blind: ChatProvider = {
      ...provider,
      capabilities: { ...provider.capabilities, listOperators: false, departments: false },
    };
    const c = as(org.owner, blind);
    const cmp = await c.sync.compare();
    expect(cmp.supported).toEqual({ operators: false, departments: false });
    expect(cmp.operators.onlyVendor).toEqual([]);
    expect(await appCodeOf(c.sync.adoptAll())).toBe("NOT_SUPPORTED");
    expect(await appCodeOf(c.sync.adopt({ kind: "operator", vendorId: "x" }))).toBe("NOT_SUPPORTED");
  });

  it("a vendor failure is reported with the usual codes and recorded as a failure", async () => {
    const org = await newOrg();
    const owner = as(org.owner);
    const op = await owner.operators.create({ name: "Hugo", isAdmin: false, departmentIds: [] });
    const [row] = await db.select().from(operators).where(eq(operators.id, op.id));
    await vendor("PUT", `/account/${org.accountId}/operators`, {
      id: row!.vendorId,
      name: "Hugo Vendor",
      active: true,
      departments: [],
    });
    emu.addFault({ method: "GET", path: "/account/[^/]+/operators$", kind: "status", status: 503, times: 5 });
    try {
      expect(await appCodeOf(owner.sync.compare())).toBe("VENDOR_UNAVAILABLE");
    } finally {
      emu.clearFaults();
    }
    emu.addFault({ method: "PUT", path: "/account/[^/]+/operators$", kind: "status", status: 422, times: 1 });
    const diff = (await owner.sync.compare()).operators.different[0]!;
    expect(await appCodeOf(owner.sync.push({ kind: "operator", id: op.id, version: diff.version }))).toBe(
      "VENDOR_REJECTED",
    );
    expect((await auditOf(org, "sync.push"))[0]).toMatchObject({ result: "failure" });
    expect((await vendorOperators(org)).find((o) => o.id === row!.vendorId)!.name).toBe("Hugo Vendor");
  });
});
