/**
 * Outgoing e-mail that must not be lost (verification links, new-sign-in warnings): written
 * here in the same request that decides to send it, then delivered by a background worker
 * that retries with back-off while the mail server is down. The body is encrypted at rest
 * (it can carry a single-use link).
 */
import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Log event name, e.g. "email_verification_email". */
    event: text("event").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    /** Encrypted (server/crypto) plain-text body. */
    bodyEnc: text("body_enc").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** A worker's claim: another worker leaves the row alone until it lapses. */
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    /** Gave up after too many attempts (the last error says why). */
    failedAt: timestamp("failed_at", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("mail_outbox_due_idx").on(t.nextAttemptAt)],
);

export type MailOutboxRow = typeof mailOutbox.$inferSelect;
