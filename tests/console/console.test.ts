/**
 * The console's data, on PGlite and Postgres, against the PlugChat emulator over HTTP:
 *  - Clientes (console.customers.list): keyset pages without gaps or repeats in every sort,
 *    search by name and by the start of an e-mail, filters;
 *  - Precisa de atenção: an injected fault leaves an account / an operator in doubt; it is listed
 *    with its reason; "Tentar de novo" goes through the provisioning state machine and fixes it —
 *    concurrent retries make ONE vendor create, a second retry does nothing — audited as staff
 *    actions with the reason; imports and webhook deliveries can be retried or marked resolved.
 */
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startPlugchatEmulator, type PlugchatEmulator } from "@/emulators/plugchat";
import type { Db } from "@/server/db/client";
import {
  auditLog,
  importJobRows,
  importJobs,
  operators,
  organizations,
  vendorAccounts,
  webhookDeliveries,
} from "@/server/db/schema";
import { completeStep } from "@/server/onboarding/state";
import { createChatProvider } from "@/server/providers";
import type { ChatProvider } from "@/server/providers/types";
import { callerFor, createMember, type TestMember } from "../helpers/context";
import { createTestDb, testDbKinds } from "../helpers/db";
import { createStaff, staffCaller } from "./helpers";

const TOKEN = "console-test-token";

async function emulatorAccounts(emu: PlugchatEmulator, externalId: string) {
  const body = (await (await fetch(`${emu.origin}/__emulator/state`)).json()) as { accounts: unknown };
  const list = Array.isArray(body.accounts) ? body.accounts : Object.values(body.accounts as object);
  return (list as Array<{ externalId: string }>).filter((a) => a.externalId === externalId);
}

async function emulatorOperators(emu: PlugchatEmulator, name: string) {
  const body = (await (await fetch(`${emu.origin}/__emulator/state`)).json()) as { operators: unknown };
  const list = Array.isArray(body.operators) ? body.operators : Object.values(body.operators as object);
  return (list as Array<{ name: string }>).filter((o) => o.name === name);
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    return e instanceof TRPCError ? e.code : String(e);
  }
}

describe.each(testDbKinds())("console (%s)", (kind) => {
  let db: Db;
  let close: () => Promise<void>;
  let emu: PlugchatEmulator;
  let provider: ChatProvider;
  let staff: TestMember;

  beforeAll(async () => {
    const handle = await createTestDb(kind);
    db = handle.db;
    close = handle.close;
    emu = await startPlugchatEmulator({ port: 0, token: TOKEN });
    provider = createChatProvider({ baseUrl: emu.baseUrl, token: TOKEN, timeoutMs: 2_000 });
    staff = await createStaff(db, { name: "Ana Plataforma" });
  });
  afterAll(async () => {
    await emu.close();
    await close();
  });
  beforeEach(() => emu.clearFaults());

  const console_ = () => staffCaller(db, staff, provider).console;

  describe("Clientes", () => {
    const tag = randomBytes(4).toString("hex");
    let made: TestMember[];

    beforeAll(async () => {
      made = [];
      // Five customers named "Loja <tag> A…E", created a second apart (newest last).
      for (const [i, letter] of ["C", "A", "E", "B", "D"].entries()) {
        const owner = await createMember(db, { role: "owner", name: `Dona ${letter}` });
        await db
          .update(organizations)
          .set({ name: `Loja ${tag} ${letter}`, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) })
          .where(eq(organizations.id, owner.organizationId));
        made.push(owner);
      }
      // One finished the wizard, one has a chat account and two more members, one is suspended.
      await completeStep(db, made[0]!.organizationId, "company");
      await db
        .update(organizations)
        .set({ suspendedAt: new Date() })
        .where(eq(organizations.id, made[4]!.organizationId));
      await callerFor({ db, provider, member: made[1]! }).onboarding.createAccount({
        companyName: `Loja ${tag} A`,
        sessionName: "Loja A",
      });
      for (const role of ["admin", "member"] as const)
        await createMember(db, { role, organizationId: made[1]!.organizationId });
    });

    async function all(sort: "created_desc" | "created_asc" | "name_asc" | "name_desc", limit: number) {
      const names: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 10; page++) {
        const res = await console_().customers.list({ q: tag, sort, limit, cursor });
        names.push(...res.items.map((i) => i.name.slice(-1)));
        if (!res.nextCursor) return names;
        cursor = res.nextCursor;
      }
      throw new Error("more pages than customers");
    }

    it("keyset pages cover every customer once, in the order of each sort", async () => {
      expect(await all("created_desc", 2)).toEqual(["D", "B", "E", "A", "C"]);
      expect(await all("created_asc", 2)).toEqual(["C", "A", "E", "B", "D"]);
      expect(await all("name_asc", 2)).toEqual(["A", "B", "C", "D", "E"]);
      expect(await all("name_desc", 3)).toEqual(["E", "D", "C", "B", "A"]);
      // A cursor from nothing this module wrote starts over instead of failing.
      expect((await console_().customers.list({ q: tag, cursor: "bm90LWEtY3Vyc29y" })).items).toHaveLength(5);
    });

    it("each row: onboarding, account, plan, operators, members, last activity, suspended", async () => {
      const { items } = await console_().customers.list({ q: tag, sort: "name_asc" });
      const a = items.find((i) => i.name.endsWith(" A"))!;
      expect(a).toMatchObject({ accountState: "synced", plan: { kind: "trial", daysLeft: 7 }, members: 3 });
      expect(a.onboardingStep).not.toBeNull();
      expect(a.lastActivityAt).toBeInstanceOf(Date);
      const c = items.find((i) => i.name.endsWith(" C"))!;
      expect(c).toMatchObject({ accountState: null, plan: null, members: 1, operatorsActive: 0, operatorsTotal: 0 });
      expect(items.find((i) => i.name.endsWith(" D"))!.suspendedAt).toBeInstanceOf(Date);
    });

    it("search by name and by the start of a member's e-mail; filters", async () => {
      const names = async (input: Parameters<ReturnType<typeof console_>["customers"]["list"]>[0]) =>
        (await console_().customers.list(input)).items.map((i) => i.name.slice(-1)).sort();
      expect(await names({ q: `${tag} b` })).toEqual(["B"]);
      expect(await names({ q: made[2]!.session.email.slice(0, 10) })).toEqual(["E"]);
      // Inside an e-mail is not its start: no match (the name does not contain it either).
      expect(await names({ q: made[2]!.session.email.slice(3, 12) })).toEqual([]);
      expect(await names({ q: tag, account: "synced" })).toEqual(["A"]);
      expect(await names({ q: tag, account: "none" })).toEqual(["B", "C", "D", "E"]);
      expect(await names({ q: tag, plan: "trial" })).toEqual(["A"]);
      expect(await names({ q: tag, suspended: "yes" })).toEqual(["D"]);
      expect(await names({ q: tag, suspended: "no" })).toEqual(["A", "B", "C", "E"]);
      // A's account step completed "company" (the wizard moved on), and so did C by hand.
      expect(await names({ q: tag, onboarding: "departments" })).toEqual(["A", "C"]);
      expect(await names({ q: tag, onboarding: "company" })).toEqual(["B", "D", "E"]);
      expect(await names({ q: `${tag}%` })).toEqual([]); // LIKE wildcards are searched as text
    });
  });

  describe("Precisa de atenção", () => {
    it("an account left in doubt by a 500 is listed, and one retry (of five at once) creates it once", async () => {
      const owner = await createMember(db, { role: "owner" });
      emu.addFault({ method: "POST", path: "^/account$", kind: "status", status: 500, times: 1 });
      const customer = callerFor({ db, provider, member: owner });
      expect(
        await codeOf(customer.onboarding.createAccount({ companyName: "Loja Dúvida", sessionName: "Loja" })),
      ).not.toBe("ok");
      const listed = (await console_().attention.list()).find((i) => i.id === owner.organizationId);
      expect(listed).toMatchObject({
        kind: "account",
        state: "uncertain",
        organizationId: owner.organizationId,
        reason: { kind: "provider", status: 500 },
        actions: ["retry"],
      });

      const reason = "cliente ligou pedindo";
      const outcomes = await Promise.allSettled(
        Array.from({ length: 5 }, () =>
          console_().attention.retry({ kind: "account", id: owner.organizationId, reason }),
        ),
      );
      const fulfilled = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value.outcome] : []));
      expect(fulfilled).toContain("resolved");
      expect(await emulatorAccounts(emu, owner.organizationId)).toHaveLength(1);
      const [account] = await db
        .select()
        .from(vendorAccounts)
        .where(eq(vendorAccounts.organizationId, owner.organizationId));
      expect(account!.state).toBe("synced");
      expect((await console_().attention.list()).some((i) => i.id === owner.organizationId)).toBe(false);
      // Again: nothing to do, still one account.
      expect(await console_().attention.retry({ kind: "account", id: owner.organizationId, reason })).toEqual({
        outcome: "nothing_to_do",
      });
      expect(await emulatorAccounts(emu, owner.organizationId)).toHaveLength(1);
      const entries = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.organizationId, owner.organizationId), eq(auditLog.action, "staff.retry")));
      expect(entries.length).toBeGreaterThanOrEqual(2);
      expect(entries.every((e) => e.actorKind === "staff" && e.actorUserId === staff.session.userId)).toBe(true);
      expect(entries[0]!.details).toMatchObject({ staffReason: reason });
    });

    it("an operator left in doubt (applied, then the answer lost) is adopted by the retry, never created twice", async () => {
      const owner = await createMember(db, { role: "owner" });
      const customer = callerFor({ db, provider, member: owner });
      await customer.onboarding.createAccount({ companyName: "Loja Operador", sessionName: "Loja" });
      const name = `Carla ${randomBytes(3).toString("hex")}`;
      emu.addFault({ method: "POST", path: "/operators$", kind: "commit_then_fail", status: 500, times: 1 });
      emu.addFault({ method: "GET", path: "/operators", kind: "status", status: 503 });
      expect(await codeOf(customer.operators.create({ name, departmentIds: [], isAdmin: false }))).not.toBe("ok");
      emu.clearFaults();
      const [row] = await db.select().from(operators).where(eq(operators.organizationId, owner.organizationId));
      expect(row!.state).toBe("uncertain");
      const item = (await console_().attention.list()).find((i) => i.id === row!.id);
      expect(item).toMatchObject({ kind: "operator", name, state: "uncertain", organizationId: owner.organizationId });

      expect(
        await console_().attention.retry({ kind: "operator", id: row!.id, reason: "conferir o operador" }),
      ).toEqual({
        outcome: "resolved",
      });
      const [after] = await db.select().from(operators).where(eq(operators.id, row!.id));
      expect(after!.state).toBe("synced");
      expect(await emulatorOperators(emu, name)).toHaveLength(1);
    });

    it("imports with failed rows and webhook deliveries given up on: retry or mark resolved", async () => {
      const owner = await createMember(db, { role: "owner" });
      const [job] = await db
        .insert(importJobs)
        .values({ organizationId: owner.organizationId, fileName: "equipe.csv", total: 2, status: "done" })
        .returning();
      await db.insert(importJobRows).values([
        {
          jobId: job!.id,
          organizationId: owner.organizationId,
          line: 2,
          values: { name: "X", departmentNames: [], departmentIds: [], isAdmin: false },
          state: "failed",
          errorCode: "VENDOR_REJECTED",
          finishedAt: new Date(),
        },
      ]);
      const [delivery] = await db
        .insert(webhookDeliveries)
        .values({ organizationId: owner.organizationId, event: "finish", dedupeKey: "k1", rawBody: "{", attempts: 5 })
        .returning();
      const listed = (await console_().attention.list()).filter((i) => i.organizationId === owner.organizationId);
      expect(listed.map((i) => [i.kind, i.reason])).toEqual(
        expect.arrayContaining([
          ["import", { kind: "import", failedRows: 1, code: "VENDOR_REJECTED" }],
          ["webhook", { kind: "webhook", attempts: 5 }],
        ]),
      );
      // Provisioning rows are never "resolved" by declaration.
      expect(
        await codeOf(console_().attention.resolve({ kind: "account", id: owner.organizationId, reason: "ok ok" })),
      ).toBe("PRECONDITION_FAILED");
      expect(await console_().attention.resolve({ kind: "import", id: job!.id, reason: "planilha errada" })).toEqual({
        outcome: "resolved",
      });
      expect(await console_().attention.retry({ kind: "webhook", id: delivery!.id, reason: "tentar de novo" })).toEqual(
        {
          outcome: "requeued",
        },
      );
      const [reset] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, delivery!.id));
      expect(reset!.attempts).toBe(0);
      expect((await console_().attention.list()).filter((i) => i.organizationId === owner.organizationId)).toEqual([]);
      // Someone else's id, or nothing: NOT_FOUND; a reason is required.
      expect(
        await codeOf(console_().attention.retry({ kind: "operator", id: owner.organizationId, reason: "abc" })),
      ).toBe("NOT_FOUND");
      expect(await codeOf(console_().attention.retry({ kind: "import", id: job!.id, reason: " " }))).toBe(
        "BAD_REQUEST",
      );
    });
  });
});
