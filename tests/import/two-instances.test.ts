/**
 * Two portal instances on the same Postgres — separate connection pools, providers and
 * instance ids — run the import worker on the same job while the reconciler runs too, over
 * creates whose outcome is unknown (applied at the vendor, answer lost, follow-up lists
 * failing): no row is processed twice, no vendor operator is created twice.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { importJobRows } from "@/server/db/schema";
import type { ChatProvider } from "@/server/providers/types";
import { reconcileOrganization } from "@/server/provisioning";
import { ImportWorker } from "@/server/provisioning/import-worker";
import { callerFor } from "../helpers/context";
import { withTwoInstances } from "../helpers/two-instances";
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
  const two = withTwoInstances({
    token: TOKEN,
    poolSize: 6,
    timeoutMs: 3_000,
    companyName: "Duas Instâncias",
    wrapProvider: counting,
  });
  beforeAll(async () => {
    await callerFor({ db: two.instanceA.db, provider: two.providerA, member: two.owner }).departments.create({
      name: "Vendas",
    });
  });

  it("both workers and the reconciler at once → every row done once, one vendor operator per row", async () => {
    const list = names("Dupla", 60);
    const { jobId } = await callerFor({
      db: two.instanceA.db,
      provider: two.providerA,
      member: two.owner,
    }).imports.start({
      csv: csvOf(list.map((name, i) => ({ name, departments: i % 2 ? "Vendas" : "" }))),
    });
    const postsBefore = two.emu.requestCount(POSTS);
    // Three creates applied but answered 500, their follow-up lists failing: uncertain records
    // that the workers and the reconciler will all try to resolve.
    await two.emu.addFault({ method: "POST", path: "/operators$", kind: "commit_then_fail", status: 500, times: 3 });
    await two.emu.addFault({ method: "GET", path: "/operators$", kind: "status", status: 503, times: 6 });
    two.emu.setLatency(30);

    const opts = { concurrency: 8, pollMs: 20, settleMs: 50, graceMs: 2_000 };
    const a = new ImportWorker({ db: two.instanceA.db, provider: two.providerA, instanceId: "instance-a", ...opts });
    const b = new ImportWorker({ db: two.instanceB.db, provider: two.providerB, instanceId: "instance-b", ...opts });
    let reconciling = true;
    const reconciler = (async () => {
      let i = 0;
      while (reconciling) {
        const db = i % 2 ? two.instanceA.db : two.instanceB.db;
        await reconcileOrganization(db, i % 2 ? two.providerA : two.providerB, two.owner.organizationId, {
          holder: `reconciler-${i % 2}`,
          settleMs: 0,
        }).catch(() => undefined);
        i++;
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    await Promise.all([a.drain(), b.drain()]);
    reconciling = false;
    await reconciler;
    two.emu.setLatency(0);
    two.emu.clearFaults();

    await expectJobImportedOnce(two.instanceA.db, two.emu, two.owner.organizationId, jobId, list);
    // Each row was created at the vendor once: none re-sent, none sent by both instances.
    expect(two.emu.requestCount(POSTS) - postsBefore).toBe(60);
    const rows = await two.instanceB.db.select().from(importJobRows).where(eq(importJobRows.jobId, jobId));
    expect(rows).toHaveLength(60);
    // Both instances took part (rows are claimed with SKIP LOCKED, never by both at once).
    expect(creates.a).toBeGreaterThan(0);
    expect(creates.b).toBeGreaterThan(0);
  }, 120_000);
});
