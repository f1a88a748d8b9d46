/**
 * Deleting one's own account. It never leaves an organization without an owner: an owner of an
 * organization with other people must first hand ownership to someone (Membros); the only
 * person of an organization cannot delete the account here at all (the organization, its chat
 * account and its operators at the chat service would be left with nobody to answer for them).
 * What goes: the user row and, through it, every session (signed out at the next request),
 * membership, pending link and recovery code. What stays: each organization's audit trail — an
 * entry "deleted their account" is written, and their earlier entries read "Uma conta excluída".
 */
import "server-only";
import { and, count, eq, ne } from "drizzle-orm";
import { auditInsert } from "@/server/audit/writer";
import type { Db } from "@/server/db/client";
import { memberships, organizations, users } from "@/server/db/schema";
import { appError } from "@/server/errors";
import { lockOwners, type Tx } from "@/server/team/members";

/** Why the account cannot be deleted yet, per organization. */
export interface DeletionBlocker {
  organizationId: string;
  organizationName: string;
  /** "transfer": the only owner, with other people in the team; "alone": the only person. */
  reason: "transfer" | "alone";
}

/** The organizations that would be left without an owner (owners locked when `tx` is a transaction). */
export async function deletionBlockers(db: Db | Tx, userId: string, lock = false): Promise<DeletionBlocker[]> {
  const owned = await db
    .select({ organizationId: memberships.organizationId, organizationName: organizations.name })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, userId), eq(memberships.role, "owner")));
  const blockers: DeletionBlocker[] = [];
  for (const org of owned) {
    const owners = lock
      ? (await lockOwners(db as Tx, org.organizationId)).length
      : ((
          await db
            .select({ n: count() })
            .from(memberships)
            .where(and(eq(memberships.organizationId, org.organizationId), eq(memberships.role, "owner")))
        )[0]?.n ?? 0);
    if (owners > 1) continue;
    const [others] = await db
      .select({ n: count() })
      .from(memberships)
      .where(and(eq(memberships.organizationId, org.organizationId), ne(memberships.userId, userId)));
    blockers.push({ ...org, reason: (others?.n ?? 0) > 0 ? "transfer" : "alone" });
  }
  return blockers;
}

/** Deletes the account, or throws OWNER_MUST_TRANSFER / LAST_MEMBER naming the organization. */
export async function deleteAccount(db: Db, userId: string): Promise<{ organizations: number }> {
  return db.transaction(async (tx) => {
    const [blocker] = await deletionBlockers(tx, userId, true);
    if (blocker) {
      throw appError(blocker.reason === "transfer" ? "OWNER_MUST_TRANSFER" : "LAST_MEMBER", {
        params: { organization: blocker.organizationName },
      });
    }
    const rows = await tx
      .select({ organizationId: memberships.organizationId, role: memberships.role })
      .from(memberships)
      .where(eq(memberships.userId, userId));
    for (const row of rows) {
      await auditInsert(
        tx as unknown as Db,
        { organizationId: row.organizationId, actorUserId: userId },
        {
          action: "user.delete",
          targetType: "user",
          targetId: userId,
          result: "success",
          details: { role: row.role },
        },
      );
    }
    // Sessions, memberships, links and codes go with the row (ON DELETE CASCADE); audit entries,
    // operators and import jobs keep their rows with the person's id set to null.
    await tx.delete(users).where(eq(users.id, userId));
    return { organizations: rows.length };
  });
}
