/**
 * The last "Sincronizar" comparison of an organization, remembered by name (sync_comparisons):
 * platform staff read it on the console's Cliente page without calling the provider.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { syncComparisons, users, type SyncComparisonSummary, type SyncGroupSummary } from "@/server/db/schema";
import type { SyncComparison } from "./sync-compare";
import type { ProvisioningScope } from "./errors";

type Group = SyncComparison["operators"] | SyncComparison["departments"];

function summarize(group: Group): SyncGroupSummary {
  return {
    onlyVendor: group.onlyVendor.map((r) => r.name),
    onlyLocal: group.onlyLocal.map((r) => r.name),
    different: group.different.map((r) => r.portal.name),
    checking: group.checking.map((r) => r.name),
    inSync: group.inSync,
  };
}

export function summarizeComparison(comparison: SyncComparison): SyncComparisonSummary {
  return {
    supported: comparison.supported,
    operators: summarize(comparison.operators),
    departments: summarize(comparison.departments),
  };
}

/** Keeps `comparison` as the organization's last one (replacing the one before). */
export async function rememberComparison(db: Db, scope: ProvisioningScope, comparison: SyncComparison): Promise<void> {
  const row = {
    organizationId: scope.organizationId,
    comparedAt: comparison.comparedAt,
    comparedBy: scope.actorUserId,
    summary: summarizeComparison(comparison),
  };
  await db.insert(syncComparisons).values(row).onConflictDoUpdate({ target: syncComparisons.organizationId, set: row });
}

/** The organization's last comparison, with the name of who ran it (null: never compared). */
export async function lastComparison(db: Db, organizationId: string) {
  const [row] = await db
    .select({ comparedAt: syncComparisons.comparedAt, comparedBy: users.name, summary: syncComparisons.summary })
    .from(syncComparisons)
    .leftJoin(users, eq(users.id, syncComparisons.comparedBy))
    .where(eq(syncComparisons.organizationId, organizationId));
  return row ?? null;
}
