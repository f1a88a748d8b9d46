/** Membership look-ups shared by the team procedures: always scoped to the caller's organization. */
import "server-only";
import { and, eq } from "drizzle-orm";
import { appError } from "@/server/errors";
import type { Db } from "@/server/db/client";
import { memberships, users, type Membership } from "@/server/db/schema";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** A membership of `organizationId`; another organization's id gives NOT_FOUND, like a missing one. */
export async function membershipInOrg(db: Db | Tx, organizationId: string, membershipId: string): Promise<Membership> {
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), eq(memberships.organizationId, organizationId)))
    .limit(1);
  if (!row) throw appError("NOT_FOUND");
  return row;
}

/**
 * The organization's owners, locked until the transaction ends, so two owners demoting
 * each other at the same moment cannot leave the organization without one.
 */
export async function lockOwners(tx: Tx, organizationId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, "owner")))
    .for("update");
  return rows.map((r) => r.id);
}

/** Throws LAST_OWNER when `membershipId` is the only owner left. */
export async function assertNotLastOwner(tx: Tx, organizationId: string, membershipId: string): Promise<void> {
  const owners = await lockOwners(tx, organizationId);
  if (owners.length <= 1 && owners.includes(membershipId)) throw appError("LAST_OWNER");
}

/** A member's name and e-mail, as the audit log names them. */
export async function personOf(db: Db | Tx, userId: string): Promise<{ name: string; email: string }> {
  const [row] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId));
  return row ?? { name: "", email: "" };
}

export type { Tx };
