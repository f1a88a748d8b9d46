/**
 * Acesso de suporte, the customer's side: an owner grants platform staff read-only access for 1
 * to 72 hours and may end it at any time. One live grant at a time (a new one replaces the
 * previous, which is ended). Every grant and every end is in the organization's audit log; every
 * page staff open under it is too (`staff.support_view`, app/(app)/template.tsx).
 */
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { audit } from "@/server/audit/writer";
import type { Db } from "@/server/db/client";
import { supportGrants, users, type SupportGrant } from "@/server/db/schema";
import { appError } from "@/server/errors";

const HOUR_MS = 3600_000;

export interface SupportGrantView {
  id: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  grantedByName: string | null;
  /** Live at `now`: not ended, not expired. */
  active: boolean;
}

/** The organization's grants, newest first (the live one, if any, and the recent history). */
export async function listSupportGrants(
  db: Db,
  organizationId: string,
  now: Date = new Date(),
  limit = 10,
): Promise<SupportGrantView[]> {
  const rows = await db
    .select({ grant: supportGrants, grantedByName: users.name })
    .from(supportGrants)
    .leftJoin(users, eq(users.id, supportGrants.grantedBy))
    .where(eq(supportGrants.organizationId, organizationId))
    .orderBy(desc(supportGrants.createdAt))
    .limit(limit);
  return rows.map(({ grant, grantedByName }) => ({
    id: grant.id,
    createdAt: grant.createdAt,
    expiresAt: grant.expiresAt,
    revokedAt: grant.revokedAt,
    grantedByName,
    active: grant.revokedAt === null && grant.expiresAt > now,
  }));
}

/** The live grant at `now`, or null. */
export async function activeSupportGrant(
  db: Db,
  organizationId: string,
  now: Date = new Date(),
): Promise<SupportGrant | null> {
  const [row] = await db
    .select()
    .from(supportGrants)
    .where(
      and(
        eq(supportGrants.organizationId, organizationId),
        isNull(supportGrants.revokedAt),
        gt(supportGrants.expiresAt, now),
      ),
    )
    .orderBy(desc(supportGrants.expiresAt))
    .limit(1);
  return row ?? null;
}

/** Grants support access for `hours` from now (ending any live grant first: one at a time). */
export async function grantSupportAccess(
  db: Db,
  scope: { organizationId: string; actorUserId: string },
  hours: number,
): Promise<SupportGrant> {
  return db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const now = new Date();
    await tx
      .update(supportGrants)
      .set({ revokedAt: now, revokedBy: scope.actorUserId })
      .where(and(eq(supportGrants.organizationId, scope.organizationId), isNull(supportGrants.revokedAt)));
    const [grant] = await tx
      .insert(supportGrants)
      .values({
        organizationId: scope.organizationId,
        grantedBy: scope.actorUserId,
        expiresAt: new Date(now.getTime() + hours * HOUR_MS),
      })
      .returning();
    await audit(txDb, scope, {
      action: "support.grant",
      targetType: "support_access",
      targetId: grant!.id,
      result: "success",
      details: { hours, expiresAt: grant!.expiresAt.toISOString() },
    });
    return grant!;
  });
}

/** Ends a grant now; NOT_FOUND when it is not this organization's or already over. */
export async function revokeSupportAccess(
  db: Db,
  scope: { organizationId: string; actorUserId: string },
  id: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [ended] = await tx
      .update(supportGrants)
      .set({ revokedAt: new Date(), revokedBy: scope.actorUserId })
      .where(
        and(
          eq(supportGrants.id, id),
          eq(supportGrants.organizationId, scope.organizationId),
          isNull(supportGrants.revokedAt),
          gt(supportGrants.expiresAt, new Date()),
        ),
      )
      .returning({ id: supportGrants.id });
    if (!ended) throw appError("NOT_FOUND");
    await audit(tx as unknown as Db, scope, {
      action: "support.revoke",
      targetType: "support_access",
      targetId: id,
      result: "success",
    });
  });
}
