/**
 * The onboarding procedures against a real emulator over HTTP, on every test database:
 * access control, exactly-once account creation, encrypted tokens, the happy path.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { PlugchatEmulator } from "@/emulators/plugchat";
import { decryptOperatorToken } from "@/server/crypto";
import { operators, vendorAccounts } from "@/server/db/schema";
import type { DbHandle } from "@/server/db/client";
import type { ChatProvider } from "@/server/providers/types";
import { callerFor, createMember } from "../helpers/context";
import { testDbKinds, type TestDbKind } from "../helpers/db";
import { startEmulatedPortal, type EmulatedPortal } from "../helpers/emulated";
import { trpcCodeOf } from "../helpers/outcome";

const TOKEN = "onboarding-test-token";

async function emuState(emu: PlugchatEmulator) {
  const res = await fetch(`${emu.origin}/__emulator/state`);
  return (await res.json()) as {
    accounts: Array<{ id: string; externalId: string }>;
    operators: Array<{ id: string; accountId: string; name: string }>;
    departments: Array<{ accountId: string; name: string }>;
  };
}

async function addFault(emu: PlugchatEmulator, fault: Record<string, unknown>) {
  const res = await fetch(`${emu.origin}/__emulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(fault),
  });
  expect(res.status).toBe(200);
}

describe.each(testDbKinds())("onboarding (%s)", (kind: TestDbKind) => {
  let portal: EmulatedPortal;
  let handle: DbHandle;
  let emu: PlugchatEmulator;
  let provider: ChatProvider;

  beforeAll(async () => {
    ({ handle, emu, provider } = portal = await startEmulatedPortal(kind, TOKEN));
  });
  afterAll(() => portal?.close());

  it("rejects anonymous callers on every procedure", async () => {
    const anon = callerFor({ db: handle.db, provider, member: null });
    const calls = [
      anon.onboarding.get(),
      anon.onboarding.createAccount({ companyName: "Empresa", sessionName: "Empresa" }),
      anon.departments.list(),
      anon.departments.create({ name: "Suporte" }),
      anon.operators.list(),
      anon.operators.create({ name: "Ana", departmentIds: [], isAdmin: false }),
      anon.plan.subscribe({ seats: 2, pricePerSeatCents: null }),
      anon.whatsapp.newCode(),
      anon.chat.session(),
      anon.dashboard.summary(),
    ];
    for (const c of calls) expect(await trpcCodeOf(c)).toBe("UNAUTHORIZED");
  });

  it("keeps organizations apart and lets members only read", async () => {
    const a = await createMember(handle.db, { role: "owner" });
    const b = await createMember(handle.db, { role: "owner" });
    const callerB = callerFor({ db: handle.db, provider, member: b });
    await callerB.onboarding.createAccount({ companyName: "Empresa B", sessionName: "Loja B" });
    const deptsB = await callerB.departments.refresh();
    const opB = await callerB.operators.create({
      name: "Bia",
      departmentIds: [deptsB.items[0]!.id],
      isAdmin: true,
      linkToMe: true,
    });

    // A pretending to act for B's organization.
    const aAsB = callerFor({ db: handle.db, provider, member: a, orgHint: b.organizationId });
    expect(await trpcCodeOf(aAsB.onboarding.get())).toBe("FORBIDDEN");
    expect(await trpcCodeOf(aAsB.operators.list())).toBe("FORBIDDEN");
    expect(await trpcCodeOf(aAsB.onboarding.createAccount({ companyName: "Xis", sessionName: "Xis" }))).toBe(
      "FORBIDDEN",
    );

    // A in its own organization, naming B's ids.
    const callerA = callerFor({ db: handle.db, provider, member: a });
    await callerA.onboarding.createAccount({ companyName: "Empresa A", sessionName: "Loja A" });
    expect(await trpcCodeOf(callerA.operators.update({ id: opB.id, version: opB.version, name: "Roubado" }))).toBe(
      "NOT_FOUND",
    );
    expect(
      await trpcCodeOf(
        callerA.departments.update({ id: deptsB.items[0]!.id, version: deptsB.items[0]!.version, name: "Roubado" }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await trpcCodeOf(callerA.operators.create({ name: "Ana", departmentIds: [deptsB.items[0]!.id], isAdmin: false })),
    ).toBe("NOT_FOUND");
    expect((await callerA.operators.list()).items).toEqual([]);
    expect(await trpcCodeOf(callerA.chat.session())).toBe("NOT_FOUND");

    // A plain member of B reads but cannot change.
    const memberB = await createMember(handle.db, { role: "member", organizationId: b.organizationId });
    const asMember = callerFor({ db: handle.db, provider, member: memberB });
    expect((await asMember.operators.list()).items).toHaveLength(1);
    expect(await trpcCodeOf(asMember.departments.create({ name: "Suporte" }))).toBe("FORBIDDEN");
    expect(await trpcCodeOf(asMember.plan.subscribe({ seats: 2, pricePerSeatCents: null }))).toBe("FORBIDDEN");
    // … and cannot open the chat as B's operator.
    expect(await trpcCodeOf(asMember.chat.session())).toBe("NOT_FOUND");
  });

  it("20 concurrent createAccount for one organization make exactly 1 vendor account", async () => {
    const m = await createMember(handle.db, { role: "owner" });
    const caller = callerFor({ db: handle.db, provider, member: m });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        caller.onboarding.createAccount({ companyName: "Padaria", sessionName: "Padaria" }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled").length).toBeGreaterThan(0);
    const state = await emuState(emu);
    expect(state.accounts.filter((a) => a.externalId === m.organizationId)).toHaveLength(1);
    const [row] = await handle.db
      .select()
      .from(vendorAccounts)
      .where(eq(vendorAccounts.organizationId, m.organizationId));
    expect(row?.state).toBe("synced");
    // A later submit is a no-op too.
    await caller.onboarding.createAccount({ companyName: "Padaria", sessionName: "Padaria" });
    expect((await emuState(emu)).accounts.filter((a) => a.externalId === m.organizationId)).toHaveLength(1);
  });

  it("a 5xx on create is uncertain: not re-sent until the admin confirms; attach verifies externalId", async () => {
    const m = await createMember(handle.db, { role: "owner" });
    const caller = callerFor({ db: handle.db, provider, member: m });
    await addFault(emu, { method: "POST", path: "^/account$", kind: "status", status: 503, times: 1 });
    expect(await trpcCodeOf(caller.onboarding.createAccount({ companyName: "Loja", sessionName: "Loja" }))).toBe(
      "BAD_GATEWAY",
    );
    const acc = (await caller.onboarding.get()).account;
    expect(acc?.state).toBe("uncertain");
    // A plain resubmit does not POST again.
    const again = await caller.onboarding.createAccount({ companyName: "Loja", sessionName: "Loja" });
    expect(again.state).toBe("uncertain");
    expect((await emuState(emu)).accounts.filter((a) => a.externalId === m.organizationId)).toHaveLength(0);
    // Attaching someone else's account is refused.
    const other = (await emuState(emu)).accounts[0]!;
    expect(await trpcCodeOf(caller.onboarding.attachAccount({ vendorAccountId: other.id }))).toBe(
      "UNPROCESSABLE_CONTENT",
    );
    // The confirmed retry creates exactly one.
    const retried = await caller.onboarding.retryAccount({ confirm: true });
    expect(retried.state).toBe("synced");
    expect((await emuState(emu)).accounts.filter((a) => a.externalId === m.organizationId)).toHaveLength(1);
  });

  it("stores operator tokens encrypted only, and chat.session returns the caller's own token", async () => {
    const m = await createMember(handle.db, { role: "owner", name: "Maria Souza" });
    const caller = callerFor({ db: handle.db, provider, member: m });
    await caller.onboarding.createAccount({ companyName: "Padaria", sessionName: "Padaria" });
    const depts = await caller.departments.refresh();
    expect(depts.items.map((d) => d.name)).toContain("Geral");
    expect(depts.items.find((d) => d.name === "Geral")?.isDefault).toBe(true);
    const suporte = await caller.departments.create({ name: "Suporte" });
    const dupes = await Promise.allSettled(
      Array.from({ length: 10 }, () => caller.departments.create({ name: "Financeiro" })),
    );
    expect(dupes.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const me = await caller.operators.create({
      name: "Maria Souza",
      departmentIds: [suporte.id],
      isAdmin: true,
      linkToMe: true,
    });
    const ops = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        caller.operators.create({
          name: "João",
          departmentIds: [],
          isAdmin: false,
          login: "joao",
          password: "senha-secreta-1",
        }),
      ),
    );
    expect(ops.filter((r) => r.status === "fulfilled")).toHaveLength(1);

    const state = await emuState(emu);
    const accountId = (await caller.onboarding.get()).account!.vendorAccountId!;
    expect(state.departments.filter((d) => d.accountId === accountId && d.name === "Financeiro")).toHaveLength(1);
    expect(state.operators.filter((o) => o.accountId === accountId && o.name === "João")).toHaveLength(1);

    const session = await caller.chat.session();
    expect(session.operatorName).toBe("Maria Souza");
    expect(session.accountId).toBe(accountId);
    const verify = await fetch(`${emu.origin}/__emulator/tokens/verify`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ accessToken: session.operatorAccessToken }),
    });
    expect(((await verify.json()) as { operatorId: string }).operatorId).toBeTruthy();

    const rows = await handle.db.select().from(operators).where(eq(operators.organizationId, m.organizationId));
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.accessTokenCiphertext).toMatch(/^v1\.[A-Za-z0-9_-]+\./);
      const plain = decryptOperatorToken(r.id, r.accessTokenCiphertext!);
      expect(r.accessTokenCiphertext).not.toContain(plain.slice(10, 30));
      // Copying a ciphertext to another row does not decrypt.
      const other = rows.find((x) => x.id !== r.id)!;
      expect(() => decryptOperatorToken(other.id, r.accessTokenCiphertext!)).toThrow();
    }
    // No plaintext token anywhere in the database (operators or audit log).
    const dump = await handle.db.execute(
      sql`select row_to_json(o)::text as j from operators o union all select row_to_json(a)::text from audit_log a`,
    );
    const text = JSON.stringify(dump);
    expect(text).not.toContain(session.operatorAccessToken);
    expect(text).not.toContain("senha-secreta-1");
    expect(me.hasAccessToken).toBe(true);

    // Optimistic concurrency.
    expect(await trpcCodeOf(caller.operators.update({ id: me.id, version: me.version + 5, name: "Outra" }))).toBe(
      "CONFLICT",
    );
    const renamed = await caller.departments.update({
      id: suporte.id,
      version: suporte.version,
      name: "Suporte Técnico",
    });
    expect(renamed.name).toBe("Suporte Técnico");
    expect(
      await trpcCodeOf(caller.departments.update({ id: suporte.id, version: suporte.version, active: false })),
    ).toBe("CONFLICT");

    await caller.onboarding.completeStep({ step: "departments" });
    await caller.onboarding.completeStep({ step: "operators" });
    await caller.plan.subscribe({ seats: 2, pricePerSeatCents: null });
    await caller.onboarding.completeStep({ step: "whatsapp", skipped: true });
    const summary = await caller.dashboard.summary();
    expect(summary.onboardingCompleted).toBe(true);
    expect(summary.account?.seats).toBe(2);
    expect(summary.operators.active).toBe(2);
  });
});
