/**
 * Concurrency: double submits and parallel instances never make a second vendor object.
 *  - 50 concurrent onboarding.createAccount for one organization → exactly 1 POST /account;
 *  - 20 concurrent "add operator X" → 1 operator; 20 concurrent "add department Y" → 1;
 *  - user retries racing the reconciler over the same uncertain rows → no duplicate;
 *  - (Postgres) two portal instances — two separate connection pools on the same database,
 *    each with its own provider — reconciling the same uncertain records at once → no
 *    duplicate, with the lease and also with the lease expiring at once (row claims alone).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { PlugchatEmulator } from "@/emulators/plugchat";
import type { DbHandle } from "@/server/db/client";
import { departments, operators, vendorAccounts } from "@/server/db/schema";
import type { ChatProvider } from "@/server/providers/types";
import { reconcileOrganization } from "@/server/provisioning";
import { callerFor, createMember } from "../helpers/context";
import { outcomeOf } from "../helpers/outcome";
import { testDbKinds, type TestDbKind } from "../helpers/db";
import { startEmulatedPortal, type EmulatedPortal } from "../helpers/emulated";
import { withTwoInstances } from "../helpers/two-instances";

const TOKEN = "concurrency-token";

async function fault(emu: PlugchatEmulator, f: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${emu.origin}/__emulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(f),
  });
  expect(res.status).toBe(200);
}

function vendorCounts(emu: PlugchatEmulator, accountId: string) {
  const depts = Object.values(emu.state.departments).filter((d) => d.accountId === accountId);
  const ops = Object.values(emu.state.operators).filter((o) => o.accountId === accountId);
  const byName = (names: string[]) =>
    names.reduce<Record<string, number>>((m, n) => ({ ...m, [n]: (m[n] ?? 0) + 1 }), {});
  return { departments: byName(depts.map((d) => d.name)), operators: byName(ops.map((o) => o.name)) };
}

async function accountIdOf(db: DbHandle["db"], org: string): Promise<string> {
  const [row] = await db.select().from(vendorAccounts).where(eq(vendorAccounts.organizationId, org));
  return row!.vendorAccountId!;
}

/**
 * Leaves `names` as uncertain departments and operators at the vendor level in both ways:
 * half really created (applied, then the answer and the follow-up list both failed), half not.
 */
async function makeUncertain(
  emu: PlugchatEmulator,
  caller: ReturnType<typeof callerFor>,
  prefix: string,
): Promise<void> {
  for (let i = 0; i < 4; i++) {
    const applied = i % 2 === 0;
    await fault(emu, {
      method: "POST",
      path: "/departments$",
      kind: applied ? "commit_then_fail" : "status",
      status: 500,
      times: 1,
    });
    if (applied) await fault(emu, { method: "GET", path: "/departments$", kind: "status", status: 503, times: 3 });
    await expect(caller.departments.create({ name: `${prefix} D${i}` })).rejects.toThrow();
    await fault(emu, {
      method: "POST",
      path: "/operators$",
      kind: applied ? "commit_then_fail" : "status",
      status: 500,
      times: 1,
    });
    if (applied) await fault(emu, { method: "GET", path: "/operators$", kind: "status", status: 503, times: 3 });
    await expect(
      caller.operators.create({ name: `${prefix} O${i}`, departmentIds: [], isAdmin: false }),
    ).rejects.toThrow();
  }
  await fetch(`${emu.origin}/__emulator/faults`, { method: "DELETE" });
}

async function expectAllSyncedOnce(
  db: DbHandle["db"],
  emu: PlugchatEmulator,
  org: string,
  prefix: string,
): Promise<void> {
  const counts = vendorCounts(emu, await accountIdOf(db, org));
  for (let i = 0; i < 4; i++) {
    expect(counts.departments[`${prefix} D${i}`], `${prefix} D${i}`).toBe(1);
    expect(counts.operators[`${prefix} O${i}`], `${prefix} O${i}`).toBe(1);
  }
  const ds = await db.select().from(departments).where(eq(departments.organizationId, org));
  const os = await db.select().from(operators).where(eq(operators.organizationId, org));
  for (const r of [...ds, ...os]) expect(r.state, r.name).toBe("synced");
  expect(new Set(os.map((o) => o.vendorId)).size).toBe(os.length);
}

describe.each(testDbKinds())("concurrency (%s)", (kind: TestDbKind) => {
  let portal: EmulatedPortal;
  let handle: DbHandle;
  let emu: PlugchatEmulator;
  let provider: ChatProvider;

  beforeAll(async () => {
    // Generous: this suite is about concurrency; a busy CI core must not turn the one create into a timeout.
    ({ handle, emu, provider } = portal = await startEmulatedPortal(kind, TOKEN, { timeoutMs: 10_000 }));
  });
  afterAll(() => portal?.close());

  it("50 concurrent createAccount for one organization → exactly 1 vendor POST /account", async () => {
    const m = await createMember(handle.db, { role: "owner" });
    const before = emu.requestCount("POST /account");
    // Each click from its own tab: its own caller (context) for the same admin.
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        callerFor({ db: handle.db, provider, member: m }).onboarding.createAccount({
          companyName: "Padaria",
          sessionName: "Padaria",
        }),
      ),
    );
    expect(emu.requestCount("POST /account") - before).toBe(1);
    for (const r of results) {
      if (r.status === "rejected") expect((r.reason as { code?: string }).code).toBe("CONFLICT"); // PROVISIONING_IN_PROGRESS
    }
    expect(results.filter((r) => r.status === "fulfilled").length).toBeGreaterThan(0);
    expect(Object.values(emu.state.accounts).filter((a) => a.externalId === m.organizationId)).toHaveLength(1);
  });

  it("20 concurrent 'add operator X' → 1 operator; 20 concurrent 'add department Y' → 1 department", async () => {
    const m = await createMember(handle.db, { role: "owner" });
    const caller = callerFor({ db: handle.db, provider, member: m });
    await caller.onboarding.createAccount({ companyName: "Mercado", sessionName: "Mercado" });
    const beforeOps = emu.requestCount("POST /account/:id/operators");
    const beforeDepts = emu.requestCount("POST /account/:id/departments");
    const [ops, depts] = await Promise.all([
      Promise.allSettled(
        Array.from({ length: 20 }, () =>
          callerFor({ db: handle.db, provider, member: m }).operators.create({
            name: "Xavier",
            departmentIds: [],
            isAdmin: false,
          }),
        ),
      ),
      Promise.allSettled(
        Array.from({ length: 20 }, () =>
          callerFor({ db: handle.db, provider, member: m }).departments.create({ name: "Yoga" }),
        ),
      ),
    ]);
    expect(ops.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(depts.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(emu.requestCount("POST /account/:id/operators") - beforeOps).toBe(1);
    expect(emu.requestCount("POST /account/:id/departments") - beforeDepts).toBe(1);
    const counts = vendorCounts(emu, await accountIdOf(handle.db, m.organizationId));
    expect(counts.operators.Xavier).toBe(1);
    expect(counts.departments.Yoga).toBe(1);
  });

  it("the same name in other letter cases at once → one operator, every other request NAME_TAKEN (never an error)", async () => {
    const m = await createMember(handle.db, { role: "owner" });
    const caller = callerFor({ db: handle.db, provider, member: m });
    await caller.onboarding.createAccount({ companyName: "Padaria", sessionName: "Padaria" });
    const names = ["Zélia Prado", "zélia prado", "ZÉLIA PRADO", "Zélia prado", " Zélia Prado ", "zÉlia pRADO"];
    const outcomes = await Promise.all(
      names.map((name) =>
        outcomeOf(
          callerFor({ db: handle.db, provider, member: m }).operators.create({
            name,
            departmentIds: [],
            isAdmin: false,
          }),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === "OK")).toHaveLength(1);
    expect(outcomes.filter((o) => o !== "OK")).toEqual(Array(names.length - 1).fill("NAME_TAKEN"));
    const local = await handle.db.select().from(operators).where(eq(operators.organizationId, m.organizationId));
    expect(local.map((o) => o.state)).toEqual(["synced"]);
    expect(Object.values(vendorCounts(emu, await accountIdOf(handle.db, m.organizationId)).operators)).toEqual([1]);
  });

  it("user retries racing the reconciler over the same uncertain rows → no duplicate", async () => {
    const m = await createMember(handle.db, { role: "owner" });
    const caller = callerFor({ db: handle.db, provider, member: m });
    await caller.onboarding.createAccount({ companyName: "Oficina", sessionName: "Oficina" });
    await makeUncertain(emu, caller, "R");
    const retries = Array.from({ length: 4 }, (_, i) => [
      caller.departments.create({ name: `R D${i}` }),
      caller.operators.create({ name: `R O${i}`, departmentIds: [], isAdmin: false }),
    ]).flat();
    await Promise.allSettled([
      ...retries,
      reconcileOrganization(handle.db, provider, m.organizationId, { settleMs: 0 }),
      reconcileOrganization(handle.db, provider, m.organizationId, { settleMs: 0, holder: "other" }),
    ]);
    // Whatever was left claimed by a loser is picked up by the next run.
    await reconcileOrganization(handle.db, provider, m.organizationId, { settleMs: 0 });
    await expectAllSyncedOnce(handle.db, emu, m.organizationId, "R");
  });
});

describe.runIf(!!process.env.TEST_DATABASE_URL)("two portal instances on the same Postgres", () => {
  const two = withTwoInstances({ token: TOKEN, poolSize: 4, timeoutMs: 10_000, companyName: "Dupla" });

  it("reconcile the same uncertain records at once (lease held) → no duplicate vendor object", async () => {
    await makeUncertain(two.emu, callerFor({ db: two.instanceA.db, provider: two.providerA, member: two.owner }), "L");
    const [a, b] = await Promise.all([
      reconcileOrganization(two.instanceA.db, two.providerA, two.owner.organizationId, {
        settleMs: 0,
        holder: "instance-a",
      }),
      reconcileOrganization(two.instanceB.db, two.providerB, two.owner.organizationId, {
        settleMs: 0,
        holder: "instance-b",
      }),
    ]);
    expect([a.ran, b.ran].filter(Boolean).length).toBeGreaterThanOrEqual(1);
    // The loser (if any) runs again afterwards; nothing is left to do.
    await reconcileOrganization(two.instanceB.db, two.providerB, two.owner.organizationId, {
      settleMs: 0,
      holder: "instance-b",
    });
    await expectAllSyncedOnce(two.instanceA.db, two.emu, two.owner.organizationId, "L");
  });

  it("… and with a lease that expires at once (only the row claims protect) → still no duplicate", async () => {
    await makeUncertain(two.emu, callerFor({ db: two.instanceB.db, provider: two.providerB, member: two.owner }), "C");
    const runs = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        reconcileOrganization(
          i % 2 ? two.instanceA.db : two.instanceB.db,
          i % 2 ? two.providerA : two.providerB,
          two.owner.organizationId,
          { settleMs: 0, leaseMs: 0, holder: `instance-${i}` },
        ),
      ),
    );
    expect(runs.filter((r) => r.ran).length).toBeGreaterThan(1);
    await reconcileOrganization(two.instanceA.db, two.providerA, two.owner.organizationId, {
      settleMs: 0,
      holder: "instance-a",
    });
    await expectAllSyncedOnce(two.instanceB.db, two.emu, two.owner.organizationId, "C");
    const [row] = await two.instanceA.db
      .select()
      .from(departments)
      .where(and(eq(departments.organizationId, two.owner.organizationId), eq(departments.name, "C D0")));
    expect(row?.state).toBe("synced");
  });
});
