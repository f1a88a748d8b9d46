import { createHash, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeOldAttendances, retentionDaysFrom } from "@/server/attendances/retention";
import type { DbHandle } from "@/server/db/client";
import { attendances, organizations, vendorAccounts, webhookDeliveries } from "@/server/db/schema";
import { processPendingWebhooks } from "@/server/webhooks/processor";
import { receiveWebhook } from "@/server/webhooks/receiver";
import { createTestDb, testDbKinds } from "../helpers/db";

const T0 = Date.parse("2026-11-20T13:00:00Z");

const payload = (n: number, event: "start" | "finish") => ({
  attendance: {
    attendanceNumber: n,
    customer: { name: "Joana D'Ávila", phone: "5511987654321" },
    departament: "Vendas",
    requestTime: T0 - 1000,
    startTime: T0,
    ...(event === "start"
      ? { startBy: "Ana Lima", status: "STARTED" }
      : {
          endTime: T0 + 7 * 60_000,
          finishBy: "Bruno Costa",
          ratingValue: 4,
          ratingObservation: "Ok",
          status: "FINISH",
        }),
  },
  chat:
    event === "start"
      ? { m1: { fromMe: false, momment: T0 } }
      : { m1: { fromMe: false, momment: T0 }, m2: { fromMe: true, momment: T0 + 1 }, m3: { fromMe: false } },
});

describe.each(testDbKinds())("attendance projection and retention on %s", (kind) => {
  let handle: DbHandle;
  let org: string;
  const token = randomBytes(32).toString("base64url");

  beforeAll(async () => {
    handle = await createTestDb(kind);
    const [o] = await handle.db.insert(organizations).values({ name: "Org" }).returning();
    org = o!.id;
    await handle.db.insert(vendorAccounts).values({
      organizationId: org,
      provider: "plugchat",
      name: "Org",
      state: "synced",
      vendorAccountId: "acc",
      webhookTokenHash: createHash("sha256").update(token).digest("hex"),
    });
  });
  afterAll(async () => {
    await handle.close();
  });

  const deliver = async (n: number, event: "start" | "finish") => {
    const res = await receiveWebhook(
      handle.db,
      new Request(`http://portal.test/api/webhooks/plugchat/x/${event}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(payload(n, event)),
      }),
      token,
      event,
    );
    expect(res.status).toBe(202);
    await processPendingWebhooks(handle.db);
  };
  const row = async (n: number) =>
    (await handle.db.select().from(attendances).where(eq(attendances.attendanceNumber, n)))[0];

  it("a start opens the attendance; its finish completes the same row", async () => {
    await deliver(1, "start");
    expect(await row(1)).toMatchObject({
      organizationId: org,
      status: "open",
      operator: "Ana Lima",
      customerPhone: "5511987654321",
      searchText: "joana d'avila 5511987654321",
      finishedAt: null,
      durationMs: null,
      rating: null,
      messages: 1,
    });
    await deliver(1, "finish");
    expect(await row(1)).toMatchObject({
      status: "finished",
      operator: "Bruno Costa",
      rating: 4,
      ratingObservation: "Ok",
      durationMs: 7 * 60_000,
      messages: 3,
    });
    expect((await row(1))!.startedAt.getTime()).toBe(T0);
  });

  it("a finish that arrives before its start stays finished; repeats change nothing", async () => {
    await deliver(2, "finish");
    await deliver(2, "start");
    await deliver(2, "finish");
    const rows = await handle.db.select().from(attendances).where(eq(attendances.attendanceNumber, 2));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "finished", operator: "Bruno Costa", rating: 4, messages: 3 });
    expect(rows[0]!.durationMs).toBe(7 * 60_000);
  });

  it("retention purges attendances and processed deliveries older than the cut-off, nothing newer", async () => {
    expect(retentionDaysFrom({})).toBe(180);
    expect(retentionDaysFrom({ ATTENDANCE_RETENTION_DAYS: "30" })).toBe(30);
    expect(retentionDaysFrom({ ATTENDANCE_RETENTION_DAYS: "0" })).toBe(180);
    const now = new Date(T0 + 31 * 24 * 3600_000);
    await handle.db
      .update(webhookDeliveries)
      .set({ receivedAt: new Date(T0) })
      .where(eq(webhookDeliveries.organizationId, org));
    await handle.db.insert(attendances).values({
      organizationId: org,
      attendanceNumber: 3,
      status: "finished",
      startedAt: new Date(now.getTime() - 3600_000),
    });
    expect(await purgeOldAttendances(handle.db, 60, now)).toEqual({ attendances: 0, deliveries: 0 });
    const removed = await purgeOldAttendances(handle.db, 30, now);
    expect(removed.attendances).toBe(2);
    expect(removed.deliveries).toBeGreaterThanOrEqual(4);
    const left = await handle.db.select().from(attendances).where(eq(attendances.organizationId, org));
    expect(left.map((r) => r.attendanceNumber)).toEqual([3]);
    expect(await handle.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.organizationId, org))).toEqual(
      [],
    );
  });
});
