/**
 * What the portal set at the chat provider that the provider cannot be asked for again: the
 * automatic reply (URA) and the subscription. The vendor has no GET for either, so the pages read
 * back what the portal last saved there (written only after the vendor said yes).
 */
import { boolean, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { CancelReason } from "../../../lib/plan/cancel";
import { organizations, users } from "./auth";

/** The URA as last accepted by the provider: every field its POST takes. */
export const uraSettings = pgTable("ura_settings", {
  organizationId: uuid("organization_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  active: boolean("active").notNull(),
  ignoreGeral: boolean("ignore_geral").notNull(),
  ignoreGroups: boolean("ignore_groups").notNull(),
  welcomeMessage: text("welcome_message").notNull(),
  departmentMessage: text("department_message").notNull(),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const SUBSCRIPTION_STATUSES = ["active", "cancelled"] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** The subscription as the provider last confirmed it: seats, and whether and when it was cancelled. */
export const subscriptions = pgTable("subscriptions", {
  organizationId: uuid("organization_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  /** The provider's subscription id (null for a record carried over from the wizard's step). */
  vendorSubscriptionId: text("vendor_subscription_id"),
  seats: integer("seats").notNull(),
  status: text("status").$type<SubscriptionStatus>().notNull(),
  /** Centavos per seat when the seats were last set (null: the price is agreed with the provider). */
  pricePerSeatCents: integer("price_per_seat_cents"),
  subscribedAt: timestamp("subscribed_at", { withTimezone: true }).notNull().defaultNow(),
  cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  cancelReason: text("cancel_reason").$type<CancelReason>(),
  cancelNote: text("cancel_note"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type UraSettingsRow = typeof uraSettings.$inferSelect;
export type SubscriptionRow = typeof subscriptions.$inferSelect;
