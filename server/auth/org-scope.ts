/**
 * The organization a signed-in person acts for: the one the request names (x-organization-id
 * header, else the portal.org cookie) when they belong to it, else their first membership.
 * A hint naming an organization they do not belong to resolves to nothing (FORBIDDEN upstream),
 * never to another organization — except in SUPPORT mode: platform staff (with two-factor on)
 * naming an organization whose owner granted support access that is live right now (not
 * revoked, not expired: checked on every request) get a read-only scope (`support` set; the
 * procedures refuse every mutation and every secret, server/api/trpc.ts).
 */
import { and, asc, desc, eq, gt, isNotNull, isNull, sql, Placeholder, type Column, type SQL } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import {
  memberships,
  organizations,
  supportGrants,
  users,
  type Membership,
  type Organization,
} from "@/server/db/schema";

/** A live support grant the scope was resolved through. */
export interface SupportScope {
  grantId: string;
  expiresAt: Date;
}

export interface OrgScope {
  org: Organization;
  /** The member's row; in support mode a stand-in with the admin role (what staff may look at), never stored. */
  membership: Membership;
  /** Set in support mode only. */
  support?: SupportScope;
}

const UUID = /^[0-9a-f-]{36}$/i;

/** A hint worth looking up: an organization id's shape (anything else is ignored, not an error). */
export function usableOrgHint(orgHint: string | null): orgHint is string {
  return orgHint !== null && UUID.test(orgHint);
}

/**
 * The join condition that picks the scope's membership row for the user in `userId` (a column or
 * a value): the hinted organization's, or the oldest. Used on its own (loadOrgScope) and joined
 * to the session row (server/auth/session.ts), so a request needs one query for both. The hint
 * may be a placeholder of a prepared statement.
 */
export function scopeMembership(userId: Column | string, orgHint: string | Placeholder | null): SQL {
  if (orgHint instanceof Placeholder || usableOrgHint(orgHint)) {
    return and(eq(memberships.userId, userId), eq(memberships.organizationId, orgHint))!;
  }
  return and(
    eq(memberships.userId, userId),
    eq(
      memberships.organizationId,
      sql`(select m.organization_id from ${memberships} m where m.user_id = ${userId} order by m.created_at asc limit 1)`,
    ),
  )!;
}

export async function loadOrgScope(db: Db, userId: string, orgHint: string | null): Promise<OrgScope | null> {
  return (await loadMemberScope(db, userId, orgHint)) ?? (await loadSupportScope(db, userId, orgHint));
}

/**
 * Support mode: `userId` is platform staff with two-factor on, and the hinted organization has a
 * support grant live at `now` (the request's time). Null otherwise.
 */
export async function loadSupportScope(
  db: Db,
  userId: string,
  orgHint: string | null,
  now: Date = new Date(),
): Promise<OrgScope | null> {
  if (!orgHint || !UUID.test(orgHint)) return null;
  const [row] = await db
    .select({ org: organizations, grantId: supportGrants.id, expiresAt: supportGrants.expiresAt })
    .from(supportGrants)
    .innerJoin(organizations, eq(organizations.id, supportGrants.organizationId))
    .innerJoin(users, and(eq(users.id, userId), eq(users.isStaff, true), isNotNull(users.twoFactorEnabledAt)))
    .where(
      and(eq(supportGrants.organizationId, orgHint), isNull(supportGrants.revokedAt), gt(supportGrants.expiresAt, now)),
    )
    .orderBy(desc(supportGrants.expiresAt))
    .limit(1);
  if (!row) return null;
  return {
    org: row.org,
    membership: { id: row.grantId, organizationId: row.org.id, userId, role: "admin", createdAt: row.expiresAt },
    support: { grantId: row.grantId, expiresAt: row.expiresAt },
  };
}

async function loadMemberScope(db: Db, userId: string, orgHint: string | null): Promise<OrgScope | null> {
  const rows = await db
    .select({ org: organizations, membership: memberships })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(scopeMembership(userId, orgHint))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  return rows[0] ?? null;
}
