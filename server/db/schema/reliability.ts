/**
 * The reconciler's bookkeeping (server/provisioning/reconciler/):
 *  - `reconciler_leases`: one row per organization, claimed with one atomic statement
 *    (`… on conflict do update … where expires_at < now()`), so that of several portal
 *    instances only one reconciles an organization at a time. Works the same on PGlite and
 *    Postgres, and no transaction stays open while the vendor is called.
 *  - `reconciler_runs`: what each run examined and fixed (shown to admins).
 */
import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./auth";

export const reconcilerLeases = pgTable("reconciler_leases", {
  organizationId: uuid("organization_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  holder: text("holder").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});

export const reconcilerRuns = pgTable(
  "reconciler_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The organization reconciled. */
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    holder: text("holder").notNull(),
    /** "schedule" (background worker) or "manual" (reliability.reconcileNow). */
    trigger: text("trigger").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    examined: integer("examined").notNull().default(0),
    adopted: integer("adopted").notNull().default(0),
    recreated: integer("recreated").notNull().default(0),
    /** Local rows refreshed from the vendor after an update with an unknown outcome. */
    refreshed: integer("refreshed").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    needsAttention: integer("needs_attention").notNull().default(0),
    /** Why the run stopped early (no secrets, no bodies). */
    error: text("error"),
  },
  (t) => [index("reconciler_runs_org_started_idx").on(t.organizationId, t.startedAt)],
);

export type ReconcilerRun = typeof reconcilerRuns.$inferSelect;
