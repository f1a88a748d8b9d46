/**
 * Operators on a backend whose operator call is an idempotent upsert (CDP, which has no list):
 * every claimed row (uncertain / stale pending) is settled by repeating its upsert with the
 * values it holds — a create when it has no vendor id yet, an update otherwise (same e-mail /
 * user: the same binding, never a second one). Synced rows whose last update had an unknown
 * outcome get their stored values sent again.
 */
import { and, eq } from "drizzle-orm";
import { operators, type Operator } from "@/server/db/schema";
import type { OperatorInput } from "@/server/providers/types";
import { errorInfo, isUncertainCreate } from "../errors";
import { knownOperatorVendorIds, markSynced, vendorDepartmentIds } from "../operators";
import { audit } from "../audit";
import { operatorFields } from "../operator-fields";
import { releaseOperators, transient } from "./claims";
import { recordFailure, recordRejected, recordSettled, type RunContext } from "./outcome";

export async function reconcileOperatorsByUpsert(
  run: RunContext,
  claimed: Operator[],
  toRefresh: Operator[],
): Promise<void> {
  const { db, provider, organizationId, vendorAccountId, scope, counts } = run;
  const payloadOf = async (row: Operator): Promise<OperatorInput> => ({
    name: row.name,
    active: row.active,
    departments: provider.capabilities.departments
      ? await vendorDepartmentIds(db, organizationId, row.departmentIds)
      : [],
    isAdmin: row.isAdmin,
    ...(provider.capabilities.operatorLogin && row.login ? { login: row.login } : {}),
    ...operatorFields(row),
  });
  const known = await knownOperatorVendorIds(db, organizationId);

  for (const [i, row] of claimed.entries()) {
    const isCreate = row.vendorId === null;
    let payload: OperatorInput;
    try {
      payload = await payloadOf(row);
    } catch {
      await recordRejected(run, "operator", row.id, "a department of this operator no longer exists", {
        outcome: "not repeated",
        name: row.name,
      });
      continue;
    }
    try {
      const result = isCreate
        ? await provider.createOperator(vendorAccountId, payload)
        : await provider.updateOperator(vendorAccountId, row.vendorId!, payload);
      if (isCreate && known.has(result.id)) {
        // The provider answered a person another local operator already is: never two rows for one binding.
        await recordRejected(run, "operator", row.id, "the same person as another operator of this organization", {
          outcome: "upsert repeated",
          name: row.name,
        });
        continue;
      }
      known.add(result.id);
      if (isCreate) await markSynced(db, row.id, result.id, result.accessToken);
      else
        await db
          .update(operators)
          .set({ state: "synced", lastError: null, updatedAt: new Date() })
          .where(eq(operators.id, row.id));
      await recordSettled(run, "operator", row.id, isCreate ? "recreated" : "refreshed", {
        outcome: "upsert repeated",
        operation: isCreate ? "create" : "update",
        name: row.name,
        vendorId: result.id,
      });
    } catch (error) {
      await recordFailure(run, "operator", row.id, error, {
        outcome: "upsert repeat failed",
        operation: isCreate ? "create" : "update",
        name: row.name,
      });
      if (transient(error)) {
        await releaseOperators(db, claimed.slice(i + 1));
        return;
      }
    }
  }

  for (const row of toRefresh) {
    if (!row.vendorId) continue;
    const payload = await payloadOf(row).catch(() => null);
    if (!payload) continue; // a department is gone: the admin's next edit settles it
    try {
      await provider.updateOperator(vendorAccountId, row.vendorId, payload);
    } catch (error) {
      if (isUncertainCreate(error) || transient(error)) return; // still unknown: next run
      // Refused now: the stored values stand as they were (state unchanged); the reason stays for the admin to see.
      await db
        .update(operators)
        .set({ lastError: errorInfo(error) })
        .where(and(eq(operators.id, row.id), eq(operators.version, row.version)));
      counts.failed++;
      await audit(db, scope, {
        action: "operator.reconcile",
        targetType: "operator",
        targetId: row.id,
        result: "failure",
        details: { outcome: "upsert repeat failed", operation: "update", name: row.name, ...errorInfo(error) },
      });
      continue;
    }
    const [updated] = await db
      .update(operators)
      .set({ lastError: null, updatedAt: new Date() })
      .where(and(eq(operators.id, row.id), eq(operators.version, row.version)))
      .returning({ id: operators.id });
    if (updated)
      await recordSettled(run, "operator", row.id, "refreshed", {
        outcome: "upsert repeated",
        operation: "update",
        name: row.name,
      });
  }
}
