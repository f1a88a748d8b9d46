/**
 * The mail outbox: an e-mail written while the mail server is down stays pending with its
 * attempts counted and a later retry scheduled; once the server is up it is delivered exactly
 * once, even with several delivery runs at the same time. Bodies are encrypted and bound to
 * their row; after 24 h of failures the row is given up.
 */
import { createServer, type AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startMailSink, type MailSink } from "@/emulators/mail/sink";
import { keyRing } from "@/server/crypto";
import { decryptSecret } from "@/server/crypto/tokens";
import type { DbHandle } from "@/server/db/client";
import { mailOutbox } from "@/server/db/schema";
import {
  deliverDueEmails,
  enqueueEmail,
  MAIL_GIVE_UP_MS,
  mailAad,
  mailDeliveryInFlight,
  mailRetryDelayMs,
} from "@/server/mail/outbox";
import { createTestDb, testDbKinds } from "../helpers/db";

/** A loopback port nobody listens on (taken, then released). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const savedSmtp = process.env.SMTP_URL;
afterAll(() => {
  if (savedSmtp === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = savedSmtp;
});

describe.each(testDbKinds())("mail outbox on %s", (kind) => {
  let handle: DbHandle;
  let sink: MailSink | undefined;
  beforeAll(async () => {
    handle = await createTestDb(kind);
  });
  afterAll(async () => {
    await handle.close();
  });
  afterEach(async () => {
    await sink?.close();
    sink = undefined;
  });

  async function row(id: string) {
    const [r] = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
    return r!;
  }

  it("keeps the e-mail while the mail server is down and delivers it once when it is back", async () => {
    const port = await freePort();
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    const to = `down-${kind}@example.com`;
    const id = await enqueueEmail(handle.db, {
      event: "test_email",
      to,
      subject: "Assunto",
      text: "Corpo com link https://x/verify-email/abc",
    });
    await mailDeliveryInFlight(handle.db);

    const pending = await row(id);
    expect(pending.sentAt).toBeNull();
    expect(pending.failedAt).toBeNull();
    expect(pending.attempts).toBe(1);
    expect(pending.lastError).toBeTruthy();
    expect(pending.lockedUntil).toBeNull();
    expect(pending.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + mailRetryDelayMs(1) - 5_000);
    // The body is not stored in the clear, and only decrypts for its own row.
    expect(pending.bodyEnc).not.toContain("verify-email");
    expect(decryptSecret(keyRing(), pending.bodyEnc, mailAad(id))).toContain("verify-email/abc");
    expect(() => decryptSecret(keyRing(), pending.bodyEnc, mailAad("another-row"))).toThrow();

    // Not due yet: a run leaves it alone.
    expect(await deliverDueEmails(handle.db)).toEqual({ sent: 0, retry: 0, failed: 0 });

    sink = await startMailSink({ port });
    await handle.db.update(mailOutbox).set({ nextAttemptAt: new Date() }).where(eq(mailOutbox.id, id));
    // Three runs at once (three instances): one claims the row, the others find nothing.
    const outcomes = await Promise.all([
      deliverDueEmails(handle.db),
      deliverDueEmails(handle.db),
      deliverDueEmails(handle.db),
    ]);
    expect(outcomes.reduce((n, o) => n + o.sent, 0)).toBe(1);
    expect((await sink.waitFor(to)).text).toContain("verify-email/abc");

    const sent = await row(id);
    expect(sent.sentAt).not.toBeNull();
    expect(sent.attempts).toBe(2);
    // Later runs never send it again.
    await handle.db
      .update(mailOutbox)
      .set({ nextAttemptAt: new Date(0) })
      .where(eq(mailOutbox.id, id));
    expect(await deliverDueEmails(handle.db)).toEqual({ sent: 0, retry: 0, failed: 0 });
    await new Promise((r) => setTimeout(r, 100));
    expect(sink.messages.filter((m) => m.to.includes(to))).toHaveLength(1);
  });

  it("backs off exponentially, capped, and gives up after a day", async () => {
    expect([1, 2, 3, 4].map(mailRetryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(mailRetryDelayMs(30)).toBe(60 * 60 * 1000);

    process.env.SMTP_URL = `smtp://127.0.0.1:${await freePort()}`;
    const id = await enqueueEmail(
      handle.db,
      { event: "test_email", to: "old@example.com", subject: "s", text: "t" },
      { kick: false },
    );
    await handle.db
      .update(mailOutbox)
      .set({ createdAt: new Date(Date.now() - MAIL_GIVE_UP_MS - 1000), attempts: 12 })
      .where(eq(mailOutbox.id, id));
    expect(await deliverDueEmails(handle.db)).toMatchObject({ failed: 1 });
    const given = await row(id);
    expect(given.failedAt).not.toBeNull();
    expect(given.attempts).toBe(13);
    await handle.db
      .update(mailOutbox)
      .set({ nextAttemptAt: new Date(0) })
      .where(eq(mailOutbox.id, id));
    expect(await deliverDueEmails(handle.db)).toEqual({ sent: 0, retry: 0, failed: 0 });
  });

  it("leaves a row leased by another run alone until the lease lapses", async () => {
    sink = await startMailSink();
    process.env.SMTP_URL = sink.url;
    const id = await enqueueEmail(
      handle.db,
      { event: "test_email", to: "leased@example.com", subject: "s", text: "t" },
      { kick: false },
    );
    await handle.db
      .update(mailOutbox)
      .set({ lockedUntil: new Date(Date.now() + 60_000) })
      .where(eq(mailOutbox.id, id));
    expect(await deliverDueEmails(handle.db)).toEqual({ sent: 0, retry: 0, failed: 0 });
    await handle.db
      .update(mailOutbox)
      .set({ lockedUntil: new Date(Date.now() - 1) })
      .where(eq(mailOutbox.id, id));
    expect(await deliverDueEmails(handle.db)).toMatchObject({ sent: 1 });
    await sink.waitFor("leased@example.com");
  });
});
