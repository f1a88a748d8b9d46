/**
 * Durable e-mail (verification links, e-mail change notices, new-sign-in warnings): the
 * message is written to `mail_outbox` (body encrypted, bound to its row) in the request that
 * decides to send it, then delivered outside the request. A mail server that is down costs a
 * retry, never the message:
 *
 * - a delivery run claims due rows (server/jobs `claimDue`: one UPDATE … RETURNING over a
 *   FOR UPDATE SKIP LOCKED pick), leasing them (`lockedUntil`) so other runs or instances
 *   leave them alone while the send is in flight;
 * - success sets `sentAt` with a conditional update (a row is marked sent once);
 * - failure schedules the next attempt with capped exponential back-off (30 s, 1 min, 2 min …
 *   1 h); after 24 h the row is given up (`failedAt`, the last error kept).
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, isNull, lte, or } from "drizzle-orm";
import { keyRing } from "@/server/crypto";
import { decryptSecret, encryptSecret } from "@/server/crypto/tokens";
import type { Db } from "@/server/db/client";
import { mailOutbox, type MailOutboxRow } from "@/server/db/schema";
import { backoffDelayMs } from "@/server/jobs/backoff";
import { claimDue } from "@/server/jobs/claim";
import { logger, type Logger } from "@/server/log";
import { deliverPortalEmail } from "./mailer";

export interface OutboxEmail {
  /** Log event name, e.g. "email_verification_email". */
  event: string;
  to: string;
  subject: string;
  text: string;
}

/** How long a claimed row is left alone (longer than the mailer's own timeouts add up to). */
export const MAIL_LEASE_MS = 2 * 60 * 1000;
const MAIL_BACKOFF = { firstMs: 30 * 1000, maxMs: 60 * 60 * 1000 };
/** After this long without success the row is given up. */
export const MAIL_GIVE_UP_MS = 24 * 60 * 60 * 1000;

/** Associated data binding a body to its row (a ciphertext copied to another row fails). */
export const mailAad = (rowId: string): string => `mail_outbox:${rowId}`;

/** The wait before attempt n+1 after n failed attempts: 30 s, 1 min, 2 min, … capped at 1 h. */
export function mailRetryDelayMs(attempts: number): number {
  return backoffDelayMs(MAIL_BACKOFF, attempts);
}

/**
 * Writes the e-mail to the outbox (inside `db`, which may be the caller's transaction) and, unless
 * told not to, starts a delivery run in the background. Returns the row id.
 */
export async function enqueueEmail(db: Db, email: OutboxEmail, opts: { kick?: Db | false } = {}): Promise<string> {
  const id = randomUUID();
  await db.insert(mailOutbox).values({
    id,
    event: email.event,
    toAddress: email.to,
    subject: email.subject,
    bodyEnc: encryptSecret(keyRing(), email.text, mailAad(id)),
    // This process's clock, like the claim's: the database's own may run a few ms ahead.
    nextAttemptAt: new Date(),
  });
  // Inside a transaction the row is not visible yet: the caller kicks after commit.
  if (opts.kick !== false) kickMailDelivery(opts.kick ?? db);
  return id;
}

/** Claims the due rows (not sent, not given up, their time come, not leased) on this process's clock. */
function claimDueEmails(db: Db, limit: number): Promise<MailOutboxRow[]> {
  const now = new Date();
  return claimDue(
    db,
    {
      table: mailOutbox,
      id: mailOutbox.id,
      attempts: mailOutbox.attempts,
      due: and(
        isNull(mailOutbox.sentAt),
        isNull(mailOutbox.failedAt),
        lte(mailOutbox.nextAttemptAt, now),
        or(isNull(mailOutbox.lockedUntil), lte(mailOutbox.lockedUntil, now)),
      ),
      orderBy: [asc(mailOutbox.nextAttemptAt)],
      lease: { lockedUntil: new Date(now.getTime() + MAIL_LEASE_MS) },
    },
    limit,
  );
}

async function deliverOne(db: Db, log: Logger, row: MailOutboxRow): Promise<"sent" | "retry" | "failed"> {
  try {
    const text = decryptSecret(keyRing(), row.bodyEnc, mailAad(row.id));
    await deliverPortalEmail(log, { event: row.event, to: row.toAddress, subject: row.subject, text });
    await db
      .update(mailOutbox)
      .set({ sentAt: new Date(), lockedUntil: null, lastError: null })
      .where(and(eq(mailOutbox.id, row.id), isNull(mailOutbox.sentAt)));
    return "sent";
  } catch (error) {
    const now = Date.now();
    const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    const giveUp = now - row.createdAt.getTime() >= MAIL_GIVE_UP_MS;
    await db
      .update(mailOutbox)
      .set(
        giveUp
          ? { failedAt: new Date(now), lockedUntil: null, lastError }
          : { nextAttemptAt: new Date(now + mailRetryDelayMs(row.attempts)), lockedUntil: null, lastError },
      )
      .where(and(eq(mailOutbox.id, row.id), isNull(mailOutbox.sentAt)));
    log.warn(
      { event: `${row.event}_failed`, mailId: row.id, attempts: row.attempts, gaveUp: giveUp, err: lastError },
      "e-mail not delivered yet",
    );
    return giveUp ? "failed" : "retry";
  }
}

/** Delivers the due e-mails, up to `limit`; returns how each claimed row ended. */
export async function deliverDueEmails(db: Db, { limit = 20, log = logger }: { limit?: number; log?: Logger } = {}) {
  const rows = await claimDueEmails(db, limit);
  const outcome = { sent: 0, retry: 0, failed: 0 };
  for (const row of rows) outcome[await deliverOne(db, log, row)]++;
  return outcome;
}

const runs = new WeakMap<Db, { promise: Promise<void>; again: boolean }>();

/**
 * Starts a delivery run on `db` in the background (one at a time per database; a kick during
 * a run makes it look once more). Never throws.
 */
export function kickMailDelivery(db: Db): Promise<void> {
  const current = runs.get(db);
  if (current) {
    current.again = true;
    return current.promise;
  }
  const state = { again: false, promise: Promise.resolve() };
  state.promise = (async () => {
    try {
      do {
        state.again = false;
        const outcome = await deliverDueEmails(db);
        // A full batch may have left more behind.
        if (outcome.sent + outcome.retry + outcome.failed >= 20) state.again = true;
      } while (state.again);
    } catch (err) {
      logger.error({ err }, "mail delivery run failed");
    } finally {
      runs.delete(db);
    }
  })();
  runs.set(db, state);
  return state.promise;
}

/** The run in flight on `db`, if any (tests wait for it). */
export function mailDeliveryInFlight(db: Db): Promise<void> {
  return runs.get(db)?.promise ?? Promise.resolve();
}
