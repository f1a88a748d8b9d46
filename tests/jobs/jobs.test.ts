/**
 * server/jobs on each database kind: two holders racing for a named lease → exactly one wins;
 * a live lease is kept, an expired one is taken over, renewal and release only by the holder;
 * two concurrent claimers never get the same row, each claim adds one attempt and respects its
 * limit; the back-off values. On Postgres the racers use separate connection pools.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db, type DbHandle } from "@/server/db/client";
import { organizations, reconcilerLeases, webhookDeliveries } from "@/server/db/schema";
import { backoffDelayMs, jitteredBackoffMs } from "@/server/jobs/backoff";
import { claimDue, type ClaimSpec } from "@/server/jobs/claim";
import { holderId, INSTANCE_ID, leaseExpiry, namedLeases } from "@/server/jobs/lease";
import { createTestDb, testDbKinds } from "../helpers/db";

const leases = namedLeases({
  table: reconcilerLeases,
  name: reconcilerLeases.organizationId,
  holder: reconcilerLeases.holder,
  expiresAt: reconcilerLeases.expiresAt,
});

/** Unprocessed deliveries of one organization, oldest first. */
const pendingOf = (organizationId: string): ClaimSpec<typeof webhookDeliveries> => ({
  table: webhookDeliveries,
  id: webhookDeliveries.id,
  attempts: webhookDeliveries.attempts,
  due: and(eq(webhookDeliveries.organizationId, organizationId), isNull(webhookDeliveries.processedAt)),
  orderBy: [asc(webhookDeliveries.receivedAt), asc(webhookDeliveries.dedupeKey)],
  // Marks the claimed row done, so a later claim does not see it again.
  lease: { processedAt: new Date() },
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("back-off", () => {
  it("doubles from the first wait and stops at the cap", () => {
    const b = { firstMs: 30_000, maxMs: 3_600_000 };
    expect([0, 1, 2, 3, 4].map((n) => backoffDelayMs(b, n))).toEqual([30_000, 30_000, 60_000, 120_000, 240_000]);
    expect(backoffDelayMs(b, 30)).toBe(3_600_000);
  });
  it("jitter keeps between one half and all of the wait", () => {
    const b = { firstMs: 500, maxMs: 30_000 };
    expect(jitteredBackoffMs(b, 3, 0)).toBe(1_000);
    expect(jitteredBackoffMs(b, 3, 0.5)).toBe(1_500);
    expect(jitteredBackoffMs(b, 20, 0.999)).toBeLessThan(30_000);
    expect(jitteredBackoffMs(b, 20, 0.999)).toBeGreaterThan(29_900);
  });
  it("holder ids are unique per call and carry their kind", () => {
    expect(holderId("import")).toMatch(/^import:.+:\d+:[0-9a-f]{8}$/);
    expect(holderId()).not.toBe(holderId());
    expect(INSTANCE_ID).toMatch(/^.+:\d+:[0-9a-f]{8}$/);
  });
});

describe.each(testDbKinds())("server/jobs on %s", (kind) => {
  let handle: DbHandle & { url?: string };
  let other: DbHandle | undefined;
  /** The second racer: another pool on Postgres; the same embedded database on PGlite. */
  let db2: Db;

  beforeAll(async () => {
    handle = await createTestDb(kind);
    other = handle.url ? await openDb({ kind: "postgres", url: handle.url, poolSize: 5 }) : undefined;
    db2 = other?.db ?? handle.db;
  });
  afterAll(async () => {
    await other?.close();
    await handle?.close();
  });

  async function newOrganization(): Promise<string> {
    const [org] = await handle.db.insert(organizations).values({ name: "Fila" }).returning({ id: organizations.id });
    return org!.id;
  }

  it("two holders race for a lease → exactly one wins, the other keeps out while it lives", async () => {
    for (let round = 0; round < 10; round++) {
      const name = await newOrganization();
      const results = await Promise.all([
        leases.acquire(handle.db, name, "a", 60_000),
        leases.acquire(db2, name, "b", 60_000),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results[0] ? "a" : "b";
      const loser = winner === "a" ? "b" : "a";
      expect(await leases.acquire(handle.db, name, loser, 60_000)).toBe(false);
      const [row] = await handle.db.select().from(reconcilerLeases).where(eq(reconcilerLeases.organizationId, name));
      expect(row?.holder).toBe(winner);
    }
  });

  it("an expired lease is taken over; renewal and release belong to the holder only", async () => {
    const name = await newOrganization();
    expect(await leases.acquire(handle.db, name, "crashed", 0)).toBe(true);
    await sleep(5);
    expect(await leases.acquire(db2, name, "next", 60_000)).toBe(true);
    expect(await leases.renew(handle.db, name, "crashed", 60_000)).toBe(false);
    expect(await leases.renew(db2, name, "next", 120_000)).toBe(true);
    await leases.release(handle.db, name, "crashed");
    expect(await leases.acquire(handle.db, name, "third", 60_000)).toBe(false);
    await leases.release(db2, name, "next");
    expect(await leases.acquire(handle.db, name, "third", 60_000)).toBe(true);
    const [row] = await handle.db.select().from(reconcilerLeases).where(eq(reconcilerLeases.organizationId, name));
    expect(row?.holder).toBe("third");
    expect(row!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 30_000);
  });

  it("two concurrent claimers never get the same row; each claim adds one attempt and keeps to its limit", async () => {
    const organizationId = await newOrganization();
    const total = 60;
    await handle.db.insert(webhookDeliveries).values(
      Array.from({ length: total }, (_, i) => ({
        organizationId,
        event: "finish",
        dedupeKey: `k${String(i).padStart(3, "0")}`,
        rawBody: "{}",
      })),
    );
    const spec = pendingOf(organizationId);
    const claimer = async (db: Db) => {
      const got: string[] = [];
      for (;;) {
        const rows = await claimDue(db, spec, 7);
        expect(rows.length).toBeLessThanOrEqual(7);
        for (const r of rows) expect(r.attempts).toBe(1);
        if (rows.length === 0) return got;
        got.push(...rows.map((r) => r.id));
      }
    };
    const [a, b] = await Promise.all([claimer(handle.db), claimer(db2)]);
    const all = [...a!, ...b!];
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(total);
    const rows = await handle.db
      .select({ attempts: webhookDeliveries.attempts })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.organizationId, organizationId));
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
  });

  it("a claim takes the due rows in order and only them", async () => {
    const organizationId = await newOrganization();
    await handle.db
      .insert(webhookDeliveries)
      .values(["k2", "k0", "k1"].map((dedupeKey) => ({ organizationId, event: "start", dedupeKey, rawBody: "{}" })));
    await handle.db
      .update(webhookDeliveries)
      .set({ processedAt: new Date() })
      .where(and(eq(webhookDeliveries.organizationId, organizationId), eq(webhookDeliveries.dedupeKey, "k0")));
    const first = await claimDue(handle.db, pendingOf(organizationId), 1);
    expect(first.map((r) => r.dedupeKey)).toEqual(["k1"]);
    const rest = await claimDue(handle.db, pendingOf(organizationId), 10);
    expect(rest.map((r) => r.dedupeKey)).toEqual(["k2"]);
    expect(await claimDue(handle.db, pendingOf(organizationId), 10)).toEqual([]);
  });

  it("leaseExpiry is the database's clock plus the lease", async () => {
    const organizationId = await newOrganization();
    await handle.db.insert(reconcilerLeases).values({ organizationId, holder: "x", expiresAt: leaseExpiry(90_000) });
    const [row] = await handle.db
      .select()
      .from(reconcilerLeases)
      .where(eq(reconcilerLeases.organizationId, organizationId));
    expect(Math.abs(row!.expiresAt.getTime() - (Date.now() + 90_000))).toBeLessThan(5_000);
  });
});
