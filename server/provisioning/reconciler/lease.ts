/**
 * The per-organization lease (`reconciler_leases`): one reconciler run per organization at a
 * time across instances — a named lease of server/jobs (one atomic statement to take it; a
 * crashed holder's lease expires).
 */
import type { Db } from "@/server/db/client";
import { reconcilerLeases } from "@/server/db/schema";
import { namedLeases } from "@/server/jobs/lease";

export { INSTANCE_ID } from "@/server/jobs/lease";

const organizationLeases = namedLeases({
  table: reconcilerLeases,
  name: reconcilerLeases.organizationId,
  holder: reconcilerLeases.holder,
  expiresAt: reconcilerLeases.expiresAt,
});

export function acquireLease(db: Db, organizationId: string, holder: string, leaseMs: number): Promise<boolean> {
  return organizationLeases.acquire(db, organizationId, holder, leaseMs);
}

export function releaseLease(db: Db, organizationId: string, holder: string): Promise<void> {
  return organizationLeases.release(db, organizationId, holder);
}
