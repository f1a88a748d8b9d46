/**
 * The last "Sincronizar" comparison of each organization: when, by whom, and what differed, by
 * name. Kept so platform staff see it on the console's Cliente page without calling the
 * provider (a comparison reads the provider's lists; the page must not).
 */
import { jsonb, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations, users } from "./auth";

/** One group of the comparison, reduced to names (no ids, no tokens: staff read it). */
export interface SyncGroupSummary {
  onlyVendor: string[];
  onlyLocal: string[];
  different: string[];
  checking: string[];
  inSync: number;
}

export interface SyncComparisonSummary {
  supported: { operators: boolean; departments: boolean };
  operators: SyncGroupSummary;
  departments: SyncGroupSummary;
}

export const syncComparisons = pgTable("sync_comparisons", {
  organizationId: uuid("organization_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  comparedAt: timestamp("compared_at", { withTimezone: true }).notNull(),
  comparedBy: uuid("compared_by").references(() => users.id, { onDelete: "set null" }),
  summary: jsonb("summary").$type<SyncComparisonSummary>().notNull(),
});

export type SyncComparisonRow = typeof syncComparisons.$inferSelect;
