/**
 * The per-organization lease (`reconciler_leases`): one reconciler run per organization at a
 * time across instances, taken with one atomic statement; a crashed holder's lease expires.
 */
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { reconcilerLeases } from "@/server/db/schema";

/** This process, as a lease holder. */
export const INSTANCE_ID = `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;

export async function acquireLease(db: Db, organizationId: string, holder: string, leaseMs: number): Promise<boolean> {
  const rows = await db
    .insert(reconcilerLeases)
    .values({ organizationId, holder, expiresAt: sql`now() + ${leaseMs} * interval '1 millisecond'` })
    .onConflictDoUpdate({
      target: reconcilerLeases.organizationId,
      set: { holder: sql`excluded.holder`, expiresAt: sql`excluded.expires_at` },
      setWhere: sql`${reconcilerLeases.expiresAt} < now()`,
    })
    .returning({ holder: reconcilerLeases.holder });
  return rows[0]?.holder === holder;
}

export async function releaseLease(db: Db, organizationId: string, holder: string): Promise<void> {
  await db
    .delete(reconcilerLeases)
    .where(and(eq(reconcilerLeases.organizationId, organizationId), eq(reconcilerLeases.holder, holder)));
}
