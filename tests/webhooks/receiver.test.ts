import { randomBytes, createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/server/db/client";
import { organizations, vendorAccounts, webhookDeliveries } from "@/server/db/schema";
import { MAX_WEBHOOK_BYTES, receiveWebhook } from "@/server/webhooks/receiver";
import { processPendingWebhooks } from "@/server/webhooks/processor";
import { createTestDb, testDbKinds } from "../helpers/db";

const sha256 = (v: string) => createHash("sha256").update(v).digest("hex");
const newToken = () => randomBytes(32).toString("base64url");

/** The finish-attendance example of the vendor's docs, with its odd spellings. */
const finishPayload = (n: number) => ({
  attendance: {
    attendanceNumber: n,
    customer: { name: "nome", phone: "554499999999" },
    departament: "Nome do departamento",
    requestTime: 1651065472000,
    startTime: 1651065471166,
    endTime: 1651065481865,
    finishBy: "Nome do operador",
    ratingObservation: "...",
    status: "FINISH",
    attendanceCategory: { id: "1", name: "Venda", color: "#DDDD" },
    "operatorReport ": "trailing space key",
  },
  chat: {
    m1: { fromMe: false, phone: "554499999999", senderName: "nome", momment: 1651065478000, status: "RECEIVED" },
  },
});

function delivery(body: string, type = "application/json"): Request {
  return new Request("http://portal.test/api/webhooks/plugchat/x/finish", {
    method: "POST",
    body,
    headers: { "content-type": type },
  });
}

describe.each(testDbKinds())("webhook receiver on %s", (kind) => {
  let handle: DbHandle;
  let orgA: string;
  let orgB: string;
  const tokenA = newToken();
  const oldTokenA = newToken();
  const tokenB = newToken();

  beforeAll(async () => {
    handle = await createTestDb(kind);
    const [a, b] = await handle.db
      .insert(organizations)
      .values([{ name: "A" }, { name: "B" }])
      .returning();
    orgA = a!.id;
    orgB = b!.id;
    await handle.db.insert(vendorAccounts).values([
      {
        organizationId: orgA,
        provider: "plugchat",
        name: "A",
        state: "synced",
        vendorAccountId: "acc-a",
        webhookTokenHash: sha256(tokenA),
        previousWebhookTokenHash: sha256(oldTokenA),
        previousWebhookTokenExpiresAt: new Date(Date.now() + 60_000),
      },
      {
        organizationId: orgB,
        provider: "plugchat",
        name: "B",
        state: "synced",
        vendorAccountId: "acc-b",
        webhookTokenHash: sha256(tokenB),
      },
    ]);
  });
  afterAll(async () => {
    await handle.close();
  });

  const rows = (org: string) =>
    handle.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.organizationId, org));

  it("stores the raw payload durably before answering 202, for the token's organization", async () => {
    const body = JSON.stringify(finishPayload(1492));
    const res = await receiveWebhook(handle.db, delivery(body), tokenA, "finish");
    expect(res.status).toBe(202);
    const stored = await rows(orgA);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.rawBody).toBe(body);
    expect(await rows(orgB)).toHaveLength(0);
  });

  it("the same delivery 10× concurrently and 10× in sequence stores one effect", async () => {
    const body = JSON.stringify(finishPayload(77));
    const concurrent = await Promise.all(
      Array.from({ length: 10 }, () => receiveWebhook(handle.db, delivery(body), tokenA, "finish")),
    );
    for (let i = 0; i < 10; i++) concurrent.push(await receiveWebhook(handle.db, delivery(body), tokenA, "finish"));
    expect(concurrent.every((r) => r.status === 202)).toBe(true);
    const stored = (await rows(orgA)).filter((r) => r.dedupeKey === "attendance:77");
    expect(stored).toHaveLength(1);
  });

  it("missing, wrong, malformed or off-by-one tokens all get the same 404", async () => {
    const body = JSON.stringify(finishPayload(5));
    const offByOne = tokenA.slice(0, -1) + (tokenA.endsWith("A") ? "B" : "A");
    for (const token of ["", "short", newToken(), offByOne, `${tokenA}x`, "../../etc/passwd"]) {
      const res = await receiveWebhook(handle.db, delivery(body), token, "finish");
      expect(res.status, token).toBe(404);
    }
    expect(await receiveWebhook(handle.db, delivery(body), tokenA, "other-event").then((r) => r.status)).toBe(404);
  });

  it("the previous token works during its grace period only", async () => {
    expect(
      (await receiveWebhook(handle.db, delivery(JSON.stringify(finishPayload(6))), oldTokenA, "finish")).status,
    ).toBe(202);
    await handle.db
      .update(vendorAccounts)
      .set({ previousWebhookTokenExpiresAt: new Date(Date.now() - 1) })
      .where(eq(vendorAccounts.organizationId, orgA));
    expect(
      (await receiveWebhook(handle.db, delivery(JSON.stringify(finishPayload(7))), oldTokenA, "finish")).status,
    ).toBe(404);
  });

  it("refuses non-JSON (415), oversized (413) and broken JSON (400) without storing", async () => {
    const before = (await rows(orgA)).length;
    expect((await receiveWebhook(handle.db, delivery("{}", "text/plain"), tokenA, "finish")).status).toBe(415);
    const huge = JSON.stringify({ attendance: { attendanceNumber: 9 }, pad: "x".repeat(MAX_WEBHOOK_BYTES) });
    expect((await receiveWebhook(handle.db, delivery(huge), tokenA, "finish")).status).toBe(413);
    expect((await receiveWebhook(handle.db, delivery("{not json"), tokenA, "finish")).status).toBe(400);
    expect((await rows(orgA)).length).toBe(before);
  });

  it("refuses (400, nothing stored) a body whose JSON holds a NUL escape or half a surrogate pair; keeps line breaks", async () => {
    const before = (await rows(orgA)).length;
    const hostile = [
      // The attendance id becomes the dedupe key (a text column).
      '{"attendance":{"id":"a\\u0000b"}}',
      // The customer's name ends up in the jsonb summary.
      '{"attendance":{"attendanceNumber":31,"customer":{"name":"Ana\\u0000"}}}',
      '{"attendance":{"attendanceNumber":32,"customer":{"name":"\\ud83d"}}}',
      '{"attendance":{"attendanceNumber":33},"chat":{"m\\u0000":{"fromMe":true}}}',
      '{"attendance":{"attendanceNumber":34,"finishBy":"\\udc00x"}}',
    ];
    for (const body of hostile)
      expect((await receiveWebhook(handle.db, delivery(body), tokenA, "finish")).status, body).toBe(400);
    expect((await rows(orgA)).length).toBe(before);
    // A chat message with a line break and a tab is ordinary text: stored and processed.
    const ok = {
      attendance: { attendanceNumber: 35, customer: { name: "Zé 😀" }, ratingObservation: "linha 1\nlinha 2\tfim" },
    };
    expect((await receiveWebhook(handle.db, delivery(JSON.stringify(ok)), tokenA, "finish")).status).toBe(202);
    expect((await rows(orgA)).length).toBe(before + 1);
  });

  it("processing happens afterwards, parses the vendor's spellings and keeps a summary", async () => {
    const handled = await processPendingWebhooks(handle.db);
    expect(handled).toBeGreaterThanOrEqual(2);
    const [row] = (await rows(orgA)).filter((r) => r.dedupeKey === "attendance:1492");
    expect(row!.processedAt).not.toBeNull();
    expect(row!.summary).toMatchObject({
      attendanceNumber: 1492,
      department: "Nome do departamento",
      customerPhone: "554499999999",
      messages: 1,
    });
    expect(await processPendingWebhooks(handle.db)).toBe(0);
  });
});
