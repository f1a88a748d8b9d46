import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlugchatEmulator, type PlugchatEmulator } from "@/emulators/plugchat";
import { ZOperatorOutput } from "@/server/api/outputs";
import { operators } from "@/server/db/schema";
import type { Db } from "@/server/db/client";
import { createChatProvider } from "@/server/providers";
import { syncDepartmentsFromVendor } from "@/server/provisioning";
import type { ChatProvider } from "@/server/providers/types";
import { createMember, type TestMember } from "../helpers/context";
import { createTestDb, testDbKinds } from "../helpers/db";
import { appCodeOf } from "../helpers/outcome";
import { teamCaller } from "./helpers";

const TOKEN = "team-test-token";

describe.each(testDbKinds())("team operators (%s)", (kind) => {
  let db: Db;
  let close: () => Promise<void>;
  let emu: PlugchatEmulator;
  let provider: ChatProvider;
  let owner: TestMember;
  let admin: TestMember;
  let member: TestMember;
  let stranger: TestMember;
  let suporte: string;
  let vendas: string;

  const as = (m: TestMember | null) => teamCaller(db, m, undefined, provider).caller;

  beforeAll(async () => {
    const handle = await createTestDb(kind);
    db = handle.db;
    close = handle.close;
    emu = await startPlugchatEmulator({ port: 0, token: TOKEN });
    provider = createChatProvider({ baseUrl: emu.baseUrl, token: TOKEN, timeoutMs: 2000 });
    owner = await createMember(db, { role: "owner" });
    admin = await createMember(db, { role: "admin", organizationId: owner.organizationId });
    member = await createMember(db, { role: "member", organizationId: owner.organizationId });
    stranger = await createMember(db, { role: "owner" });
    for (const who of [owner, stranger])
      await as(who).onboarding.createAccount({ companyName: "Loja Teste", sessionName: "Loja Teste" });
    suporte = (await as(owner).departments.create({ name: "Suporte" })).id;
    vendas = (await as(owner).departments.create({ name: "Vendas" })).id;
  });
  afterAll(async () => {
    await emu?.close();
    await close();
  });

  it("role matrix: owner and admin edit and (de)activate; member reads only", async () => {
    const op = await as(owner).operators.create({ name: "Carla Atendente", isAdmin: false, departmentIds: [suporte] });
    const v2 = await as(owner).operators.update({
      id: op.id,
      version: op.version,
      name: "Carla Souza",
      departmentIds: [suporte, vendas],
    });
    expect(v2.name).toBe("Carla Souza");
    const v3 = await as(admin).operators.update({ id: op.id, version: v2.version, active: false });
    expect(v3.active).toBe(false);
    expect(await appCodeOf(as(member).operators.update({ id: op.id, version: v3.version, active: true }))).toBe(
      "FORBIDDEN",
    );
    expect(await appCodeOf(as(member).operators.create({ name: "Não Pode", isAdmin: false, departmentIds: [] }))).toBe(
      "FORBIDDEN",
    );
    const page = await as(member).operators.page({ search: "carla" });
    expect(page.items.map((o) => [o.name, o.active])).toEqual([["Carla Souza", false]]);
    const v4 = await as(admin).operators.update({ id: op.id, version: v3.version, active: true });
    expect(v4.active).toBe(true);
    // The vendor has the operator, reactivated, and it was never deleted.
    const state = (await (await fetch(`${emu.origin}/__emulator/state`)).json()) as {
      operators: Array<{ name: string; active: boolean }>;
    };
    expect(state.operators.filter((o) => o.name === "Carla Souza")).toEqual([
      expect.objectContaining({ active: true }),
    ]);
    expect(await appCodeOf(as(null).operators.update({ id: op.id, version: v4.version, active: true }))).toBe(
      "UNAUTHENTICATED",
    );
  });

  it("two admins edit the same version: the second gets CONFLICT, nothing is overwritten", async () => {
    const op = await as(owner).operators.create({ name: "Diego Concorrente", isAdmin: false, departmentIds: [] });
    const first = await as(owner).operators.update({ id: op.id, version: op.version, name: "Diego Primeiro" });
    expect(await appCodeOf(as(admin).operators.update({ id: op.id, version: op.version, name: "Diego Segundo" }))).toBe(
      "CONFLICT",
    );
    const [row] = await db.select().from(operators).where(eq(operators.id, op.id));
    expect(row!.name).toBe("Diego Primeiro");
    expect(row!.version).toBe(first.version);
  });

  it("the password is write-only: accepted with a login, never stored or returned", async () => {
    const op = await as(owner).operators.create({
      name: "Eva Senha",
      isAdmin: true,
      departmentIds: [],
      login: "eva",
      password: "senha-segura-1",
    });
    const updated = await as(owner).operators.update({
      id: op.id,
      version: op.version,
      login: "eva.s",
      password: "outra-senha-2",
    });
    expect(JSON.stringify(updated)).not.toContain("outra-senha-2");
    const [row] = await db.select().from(operators).where(eq(operators.id, op.id));
    expect(JSON.stringify(row)).not.toContain("outra-senha-2");
    expect(row!.login).toBe("eva.s");
    expect(
      await appCodeOf(
        as(owner).operators.update({ id: op.id, version: updated.version, login: null, password: "sem-login-123" }),
      ),
    ).toBe("BAD_REQUEST");
  });

  it("another organization's operator is NOT_FOUND and never listed", async () => {
    const theirs = await as(stranger).operators.create({ name: "Operador Alheio", isAdmin: false, departmentIds: [] });
    expect(await appCodeOf(as(owner).operators.update({ id: theirs.id, version: theirs.version, active: false }))).toBe(
      "NOT_FOUND",
    );
    expect((await as(owner).operators.page({ search: "Alheio" })).total).toBe(0);
  });

  it("filters, sorts and paginates on the server", async () => {
    const org = (await createMember(db, { role: "owner" })).organizationId;
    const viewer = await createMember(db, { role: "member", organizationId: org });
    const deptA = "11111111-1111-4111-8111-111111111111";
    await db.insert(operators).values(
      Array.from({ length: 120 }, (_, i) => ({
        organizationId: org,
        name: `Operador ${String(i).padStart(3, "0")}`,
        active: i % 4 !== 0,
        isAdmin: i % 10 === 0,
        departmentIds: i % 3 === 0 ? [deptA] : [],
        state: "synced" as const,
        createdAt: new Date(Date.UTC(2026, 0, 1) + i * 1000),
        accessTokenCiphertext: i === 0 ? "v1:e2e1:ciphertext-never-listed" : null,
      })),
    );
    const c = as(viewer);
    const first = await c.operators.page({ pageSize: 25 });
    expect(first.total).toBe(120);
    expect(first.items[0]).toMatchObject({ name: "Operador 000", hasAccessToken: true, departmentIds: [deptA] });
    expect(first.items[1]).toMatchObject({ name: "Operador 001", hasAccessToken: false, departmentIds: [] });
    // A list says whether there is a token, never the token's ciphertext.
    expect(JSON.stringify(first)).not.toContain("ciphertext");
    // Each row is what the table shows: the count rides on the query's rows but not in the answer's.
    expect(Object.keys(first.items[0]!).sort()).toEqual(
      [...Object.keys(ZOperatorOutput.shape), "linkedUserName"].sort(),
    );
    const last = await c.operators.page({ pageSize: 25, page: 5 });
    expect(last.items).toHaveLength(20);
    expect(last.total).toBe(120);
    // A page past the end (a filter narrowed the list) still says how many there are.
    const beyond = await c.operators.page({ pageSize: 25, page: 9 });
    expect(beyond).toMatchObject({ items: [], total: 120, page: 9 });
    expect((await c.operators.page({ sort: "name", dir: "desc" })).items[0]!.name).toBe("Operador 119");
    expect((await c.operators.page({ sort: "createdAt", dir: "desc" })).items[0]!.name).toBe("Operador 119");
    expect((await c.operators.page({ status: "inactive" })).total).toBe(30);
    expect((await c.operators.page({ status: "active", admin: "yes" })).total).toBe(6);
    expect((await c.operators.page({ departmentId: deptA })).total).toBe(40);
    // Past the end of a filtered list, the count apart applies the same filters.
    expect(await c.operators.page({ departmentId: deptA, status: "active", page: 3 })).toMatchObject({
      items: [],
      total: 30,
    });
    expect(await c.operators.page({ search: "operador 11", page: 2 })).toMatchObject({ items: [], total: 10 });
    expect((await c.operators.page({ search: "operador 11" })).total).toBe(10);
    expect((await c.operators.page({ search: "%" })).total).toBe(0);
    expect(await appCodeOf(c.operators.page({ pageSize: 1000 as 25 }))).toBe("BAD_REQUEST");
  });

  it("departments: operator counts, Geral cannot be deleted, members cannot change, other orgs NOT_FOUND", async () => {
    // Mirror the vendor's default "Geral" department locally (the wizard does this after account creation).
    await syncDepartmentsFromVendor(db, provider, {
      organizationId: owner.organizationId,
      actorUserId: owner.session.userId,
    });
    const summary = await as(member).departments.summary();
    const geral = summary.find((d) => d.isDefault);
    expect(geral?.name).toBe("Geral");
    const sup = summary.find((d) => d.id === suporte)!;
    const n = (await db.select().from(operators).where(eq(operators.organizationId, owner.organizationId))).filter(
      (o) => o.departmentIds.includes(suporte),
    ).length;
    expect(sup.operatorCount).toBe(n);
    expect(sup.operatorCount).toBeGreaterThan(0);
    expect(await appCodeOf(as(owner).departments.remove({ id: geral!.id, version: geral!.version }))).toBe(
      "DEFAULT_DEPARTMENT",
    );
    expect(await appCodeOf(as(member).departments.remove({ id: sup.id, version: sup.version }))).toBe("FORBIDDEN");
    expect(await appCodeOf(as(member).departments.update({ id: sup.id, version: sup.version, active: false }))).toBe(
      "FORBIDDEN",
    );
    expect(await appCodeOf(as(stranger).departments.remove({ id: sup.id, version: sup.version }))).toBe("NOT_FOUND");
    const temp = await as(admin).departments.create({ name: "Temporário" });
    await as(admin).departments.remove({ id: temp.id, version: temp.version });
    expect((await as(owner).departments.summary()).map((d) => d.name)).not.toContain("Temporário");
    expect((await as(stranger).departments.summary()).map((d) => d.id)).not.toContain(sup.id);
  });
});
