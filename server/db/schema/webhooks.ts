/**
 * Webhook deliveries from the chat provider, stored raw before anything is answered and
 * processed afterwards. One row per (organization, event, attendance): duplicate deliveries
 * of the same attendance find the row already there.
 */
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./auth";

export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** "start" | "finish". */
    event: text("event").notNull(),
    /** The attendance's identity (its number, else a hash of the raw body). */
    dedupeKey: text("dedupe_key").notNull(),
    /** The payload exactly as received. */
    rawBody: text("raw_body").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    /** What processing extracted (attendance number, customer, rating…). */
    summary: jsonb("summary").$type<Record<string, unknown>>(),
    lastError: text("last_error"),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_dedupe_unique").on(t.organizationId, t.event, t.dedupeKey),
    index("webhook_deliveries_pending_idx").on(t.processedAt, t.receivedAt),
  ],
);

export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
