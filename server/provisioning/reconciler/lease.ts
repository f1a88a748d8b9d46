/**
 * The per-organization lease (`reconciler_leases`): one reconciler run per organization at a
 * time across instances — a named lease of server/jobs (one atomic statement to take it; a
 * crashed holder's lease expires).
 */
import type { Db } from "@/server/db/client";
import { reconcilerLeases } from "@/server/db/schema";
import { acquireLease as acquire, releaseLease as release, type LeaseTable } from "@/server/jobs/lease";

export { INSTANCE_ID } from "@/server/jobs/lease";

const ORGANIZATION_LEASE: LeaseTable<typeof reconcilerLeases> = {
  table: reconcilerLeases,
  name: reconcilerLeases.organizationId,
  holder: reconcilerLeases.holder,
  expiresAt: reconcilerLeases.expiresAt,
};

export function acquireLease(db: Db, organizationId: string, holder: string, leaseMs: number): Promise<boolean> {
  return acquire(db, ORGANIZATION_LEASE, organizationId, holder, leaseMs);
}

export function releaseLease(db: Db, organizationId: string, holder: string): Promise<void> {
  return release(db, ORGANIZATION_LEASE, organizationId, holder);
}
