/**
 * Support access (Acesso de suporte): an owner lets platform staff look at the organization's
 * pages, read-only, for 1 to 72 hours, and may end it earlier. While a grant is live (not
 * revoked, `expires_at` in the future — checked on every request) staff resolve the
 * organization's scope in "support" mode (server/auth/org-scope.ts).
 */
import { index, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations, users } from "./auth";

export const supportGrants = pgTable(
  "support_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** The owner who granted it. */
    grantedBy: uuid("granted_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: uuid("revoked_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("support_grants_org_expires_idx").on(t.organizationId, t.expiresAt)],
);

export type SupportGrant = typeof supportGrants.$inferSelect;
