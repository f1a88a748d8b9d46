/**
 * The organization a signed-in person acts for: the one the request names (x-organization-id
 * header, else the portal.org cookie) when they belong to it, else their first membership.
 * A hint naming an organization they do not belong to resolves to nothing (FORBIDDEN upstream),
 * never to another organization.
 */
import { and, asc, eq, sql, Placeholder, type Column, type SQL } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { memberships, organizations, type Membership, type Organization } from "@/server/db/schema";

export interface OrgScope {
  org: Organization;
  membership: Membership;
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
  const rows = await db
    .select({ org: organizations, membership: memberships })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(scopeMembership(userId, orgHint))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  return rows[0] ?? null;
}
