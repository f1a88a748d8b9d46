/**
 * Two portal instances on the same Postgres — separate connection pools, providers and
 * instance ids — run the import worker on the same job while the reconciler runs too, over
 * creates whose outcome is unknown (applied at the vendor, answer lost, follow-up lists
 * failing): no row is processed twice, no vendor operator is created twice.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { startPlugchatEmulator, type PlugchatEmulator } from "@/emulators/plugchat";
import { openDb, type DbHandle } from "@/server/db/client";
import { importJobRows } from "@/server/db/schema";
import { createChatProvider } from "@/server/providers";
import type { ChatProvider } from "@/server/providers/types";
import { reconcileOrganization } from "@/server/provisioning";
import { ImportWorker } from "@/server/provisioning/import-worker";
import { callerFor, createMember, type TestMember } from "../helpers/context";
import { createTestDb } from "../helpers/db";
import { csvOf, expectJobImportedOnce, names } from "./helpers";

const TOKEN = "import-two-token";
const POSTS = "POST /account/:id/operators";

/** Vendor creates sent by each instance. */
const creates: Record<string, number> = { a: 0, b: 0 };
function counting(provider: ChatProvider, instance: "a" | "b"): ChatProvider {
  return new Proxy(provider, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (prop !== "createOperator" || typeof value !== "function") return value;
      return (...args: unknown[]) => {
        creates[instance]!++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

describe.runIf(!!process.env.TEST_DATABASE_URL)("two portal instances import the same job on one Postgres", () => {
  let handle: Awaited<ReturnType<typeof createTestDb>>;
  let emu: PlugchatEmulator;
  let instanceA: DbHandle;
  let instanceB: DbHandle;
  let providerA: ChatProvider;
  let providerB: ChatProvider;
  let owner: TestMember;

  beforeAll(async () => {
    handle = await createTestDb("postgres");
    emu = await startPlugchatEmulator({ port: 0, token: TOKEN });
    instanceA = await openDb({ kind: "postgres", url: handle.url!, poolSize: 6 });
    instanceB = await openDb({ kind: "postgres", url: handle.url!, poolSize: 6 });
    providerA = counting(createChatProvider({ baseUrl: emu.baseUrl, token: TOKEN, timeoutMs: 3_000 }), "a");
    providerB = counting(createChatProvider({ baseUrl: emu.baseUrl, token: TOKEN, timeoutMs: 3_000 }), "b");
    owner = await createMember(instanceA.db, { role: "owner" });
    const caller = callerFor({ db: instanceA.db, provider: providerA, member: owner });
    await caller.onboarding.createAccount({ companyName: "Duas Instâncias", sessionName: "Duas" });
    await caller.departments.create({ name: "Vendas" });
  }, 120_000);
  afterAll(async () => {
    await instanceA?.close();
    await instanceB?.close();
    await emu?.close();
    await handle?.close();
  });

  it("both workers and the reconciler at once → every row done once, one vendor operator per row", async () => {
    const list = names("Dupla", 60);
    const { jobId } = await callerFor({ db: instanceA.db, provider: providerA, member: owner }).imports.start({
      csv: csvOf(list.map((name, i) => ({ name, departments: i % 2 ? "Vendas" : "" }))),
    });
    const postsBefore = emu.requestCount(POSTS);
    // Three creates applied but answered 500, their follow-up lists failing: uncertain records
    // that the workers and the reconciler will all try to resolve.
    await emu.addFault({ method: "POST", path: "/operators$", kind: "commit_then_fail", status: 500, times: 3 });
    await emu.addFault({ method: "GET", path: "/operators$", kind: "status", status: 503, times: 6 });
    emu.setLatency(30);

    const opts = { concurrency: 8, pollMs: 20, settleMs: 50, graceMs: 2_000 };
    const a = new ImportWorker({ db: instanceA.db, provider: providerA, instanceId: "instance-a", ...opts });
    const b = new ImportWorker({ db: instanceB.db, provider: providerB, instanceId: "instance-b", ...opts });
    let reconciling = true;
    const reconciler = (async () => {
      let i = 0;
      while (reconciling) {
        const db = i % 2 ? instanceA.db : instanceB.db;
        await reconcileOrganization(db, i % 2 ? providerA : providerB, owner.organizationId, { holder: `reconciler-${i % 2}`, settleMs: 0 }).catch(() => undefined);
        i++;
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    await Promise.all([a.drain(), b.drain()]);
    reconciling = false;
    await reconciler;
    emu.setLatency(0);
    emu.clearFaults();

    await expectJobImportedOnce(instanceA.db, emu, owner.organizationId, jobId, list);
    // Each row was created at the vendor once: none re-sent, none sent by both instances.
    expect(emu.requestCount(POSTS) - postsBefore).toBe(60);
    const rows = await instanceB.db.select().from(importJobRows).where(eq(importJobRows.jobId, jobId));
    expect(rows).toHaveLength(60);
    // Both instances took part (rows are claimed with SKIP LOCKED, never by both at once).
    expect(creates.a).toBeGreaterThan(0);
    expect(creates.b).toBeGreaterThan(0);
  }, 120_000);
});
