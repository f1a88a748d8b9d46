/**
 * The platform's own settings (the integrator's brand: one row for the whole portal) and the
 * console's record of staff changes that belong to no organization (who changed the brand, when,
 * why, before → after). An organization's own audit trail stays in audit_log.
 */
import { sql } from "drizzle-orm";
import {
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";

/** Raw bytes (the logo): PGlite gives a Uint8Array, node-postgres a Buffer (a Uint8Array too). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

export const platformSettings = pgTable(
  "platform_settings",
  {
    /** Always 1: the table holds one row (the check says so). */
    id: smallint("id").primaryKey().default(1),
    /** Null: the default (PORTAL_PRODUCT_NAME, else "Portal PlugChat" in the reader's language). */
    productName: text("product_name"),
    /** "#rrggbb", lower case; null: the portal's own green. */
    primaryColor: text("primary_color"),
    supportEmail: text("support_email"),
    /** Centavos per seat per month; null: PLAN_PRICE_PER_SEAT, else "agreed with the provider". */
    pricePerSeatCents: integer("price_per_seat_cents"),
    /** The logo (PNG, JPEG or a script-free SVG, ≤ 200 kB), its type and sha256 (the ETag). */
    logo: bytea("logo"),
    logoType: text("logo_type"),
    logoSha256: text("logo_sha256"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  },
  () => [check("platform_settings_one_row", sql`id = 1`)],
);

export const platformAuditLog = pgTable(
  "platform_audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The staff account (null once it is deleted; staff_name keeps who it was). */
    staffUserId: uuid("staff_user_id").references(() => users.id, { onDelete: "set null" }),
    staffName: text("staff_name").notNull(),
    /** e.g. "platform_settings.update". */
    action: text("action").notNull(),
    /** Why, in the staff member's words. */
    reason: text("reason").notNull(),
    /** { changes: { field: { from, to } } }: never secrets. */
    details: jsonb("details").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("platform_audit_log_created_idx").on(t.createdAt)],
);

export type PlatformSettingsRow = typeof platformSettings.$inferSelect;
export type PlatformAuditEntry = typeof platformAuditLog.$inferSelect;
