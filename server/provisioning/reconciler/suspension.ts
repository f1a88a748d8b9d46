/**
 * Suspension as a reconciler step: the organization's `suspended_at` says what its operators
 * should be at the chat provider, and each run moves them there, one operator at a time.
 *
 *  - suspended: every operator's `active` is first STORED (`active_before_suspension`, one
 *    statement, before any vendor call), then each active operator the vendor knows is switched
 *    off through the ordinary operator update (claim by version and state, vendor call, recorded
 *    outcome, audit as the system).
 *  - not suspended (reactivated): each operator with a stored state gets exactly that state back
 *    (a vendor call only where it differs), then the stored state is cleared.
 *
 * Idempotent and resumable: a fault in the middle leaves some operators done and the others as
 * they were, with their stored state; the next run (the background sweep picks the organization
 * up, `suspensionWorkPending`) carries on from there. Runs under the reconciler's per-organization
 * lease, so one instance at a time works on an organization.
 */
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { operators, organizations, type Operator } from "@/server/db/schema";
import type { ChatProvider } from "@/server/providers/types";
import { updateOperator } from "../operators";
import type { ProvisioningScope } from "../errors";

export interface SuspensionCounts {
  /** Operators whose vendor state changed this run. */
  changed: number;
  /** Operators still to do (a vendor call failed or the row was busy): the next run retries them. */
  remaining: number;
  /** The first failure's description, if any. */
  error: string | null;
}

/** Whether the vendor update of this operator can be sent now (its protocol's own rule). */
function editable(op: Operator, provider: ChatProvider): boolean {
  if (!op.vendorId) return false;
  if (op.state === "synced") return true;
  return provider.capabilities.operatorUpsert && (op.state === "uncertain" || op.state === "failed");
}

/**
 * Brings the organization's operators to what its suspension says. `vendorAccountId` null: no
 * synced chat account, so nothing is at the vendor — only the stored states are kept in order.
 */
export async function applySuspension(
  db: Db,
  provider: ChatProvider,
  organizationId: string,
  vendorAccountId: string | null,
): Promise<SuspensionCounts> {
  const counts: SuspensionCounts = { changed: 0, remaining: 0, error: null };
  const [org] = await db
    .select({ suspendedAt: organizations.suspendedAt })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!org) return counts;
  const scope: ProvisioningScope = { organizationId, actorUserId: null };
  const suspended = org.suspendedAt !== null;

  if (suspended) {
    // Stored before anything changes (and for operators that appeared since: an import, an adoption).
    await db
      .update(operators)
      .set({ activeBeforeSuspension: sql`${operators.active}` })
      .where(and(eq(operators.organizationId, organizationId), isNull(operators.activeBeforeSuspension)));
  }
  const rows = await db
    .select()
    .from(operators)
    .where(and(eq(operators.organizationId, organizationId), isNotNull(operators.activeBeforeSuspension)));
  for (const op of rows) {
    const target = suspended ? false : op.activeBeforeSuspension!;
    if (op.active !== target) {
      if (!vendorAccountId || !editable(op, provider)) {
        counts.remaining++;
        continue;
      }
      try {
        await updateOperator(db, provider, scope, {
          id: op.id,
          version: op.version,
          active: target,
          bySuspension: true,
        });
        counts.changed++;
      } catch (error) {
        counts.remaining++;
        counts.error ??= error instanceof Error ? error.message.slice(0, 200) : "error";
        continue;
      }
    }
    if (!suspended) {
      // Restored: forget the stored state — only if nothing changed it meanwhile.
      await db
        .update(operators)
        .set({ activeBeforeSuspension: null })
        .where(
          and(eq(operators.id, op.id), eq(operators.active, target), eq(operators.activeBeforeSuspension, target)),
        );
    }
  }
  return counts;
}

/** Organizations whose operators are not yet where their suspension (or its end) says. */
export async function suspensionWorkPending(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: operators.organizationId })
    .from(operators)
    .innerJoin(organizations, eq(organizations.id, operators.organizationId))
    .where(
      sql`(${organizations.suspendedAt} is not null and (${operators.activeBeforeSuspension} is null or (${operators.active} and ${operators.vendorId} is not null and ${operators.state} = 'synced')))
        or (${organizations.suspendedAt} is null and ${operators.activeBeforeSuspension} is not null)`,
    );
  return rows.map((r) => r.id);
}
