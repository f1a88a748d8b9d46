/**
 * Operators on a backend with a list (`listOperators`): the vendor's list is read after the
 * claims; a vendor record with the same name that no local row knows is adopted (preferring
 * the same departments / admin flag; the accessToken stored encrypted); only when the list
 * shows absence is the create sent again, once per run. Synced rows whose last update had an
 * unknown outcome are refreshed from the list (name, active, a possibly rotated accessToken).
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { departments, operators, type Operator } from "@/server/db/schema";
import { encryptOperatorToken } from "@/server/crypto";
import type { OperatorInput, ProviderOperator } from "@/server/providers/types";
import {
  knownOperatorVendorIds,
  liveDepartmentsBy,
  markSynced,
  pickOperatorMatch,
  vendorDepartmentIds,
} from "../operators";
import { releaseOperators, transient } from "./claims";
import { recordFailure, recordRejected, recordSettled, type RunContext } from "./outcome";

/** Local department ids for the vendor's ids, or null when one is not known locally. */
async function localDepartmentIds(db: Db, organizationId: string, vendorIds: string[]): Promise<string[] | null> {
  if (vendorIds.length === 0) return [];
  const rows = await liveDepartmentsBy(db, organizationId, departments.vendorId, vendorIds);
  return rows.length === new Set(vendorIds).size ? rows.map((r) => r.id) : null;
}

export async function reconcileOperatorsByList(
  run: RunContext,
  claimed: Operator[],
  toRefresh: Operator[],
): Promise<void> {
  const { db, provider, organizationId, vendorAccountId } = run;
  let remote: ProviderOperator[];
  try {
    remote = await provider.listOperators(vendorAccountId);
  } catch (error) {
    await releaseOperators(db, claimed);
    throw error;
  }

  // Synced rows after an update with an unknown outcome: the vendor's list is the truth
  // (the update may have rotated the accessToken).
  for (const row of toRefresh) {
    const r = remote.find((x) => x.id === row.vendorId);
    if (!r) continue;
    const departmentIds = await localDepartmentIds(db, organizationId, r.departments);
    const [updated] = await db
      .update(operators)
      .set({
        name: r.name,
        active: r.active,
        ...(r.isAdmin === null ? {} : { isAdmin: r.isAdmin }),
        ...(departmentIds ? { departmentIds } : {}),
        ...(r.accessToken ? { accessTokenCiphertext: encryptOperatorToken(row.id, r.accessToken) } : {}),
        lastError: null,
        updatedAt: new Date(),
        version: sql`${operators.version} + 1`,
      })
      .where(and(eq(operators.id, row.id), eq(operators.version, row.version)))
      .returning({ id: operators.id });
    if (updated) await recordSettled(run, "operator", row.id, "refreshed", { outcome: "refreshed", name: r.name });
  }

  const known = await knownOperatorVendorIds(db, organizationId);
  for (const row of claimed) {
    let vendorDepartments: string[] | null;
    try {
      vendorDepartments = await vendorDepartmentIds(db, organizationId, row.departmentIds);
    } catch {
      vendorDepartments = null; // a department is gone or not synced
    }
    const match = pickOperatorMatch(remote, known, row, vendorDepartments);
    if (match) {
      known.add(match.id);
      await markSynced(db, row.id, match.id, match.accessToken);
      await recordSettled(run, "operator", row.id, "adopted", {
        outcome: "adopted",
        name: row.name,
        vendorId: match.id,
      });
      continue;
    }
    if (vendorDepartments === null) {
      await recordRejected(run, "operator", row.id, "a department of this operator no longer exists", {
        outcome: "not recreated",
        name: row.name,
      });
      continue;
    }
    // Absent at the vendor: create again, once. The password is write-only (never stored), so
    // it cannot be re-sent; the operator logs in automatically (accessToken) or gets a new one.
    const payload: OperatorInput = {
      name: row.name,
      active: row.active,
      departments: vendorDepartments,
      isAdmin: row.isAdmin,
      ...(row.login ? { login: row.login } : {}),
    };
    try {
      const created = await provider.createOperator(vendorAccountId, payload);
      known.add(created.id);
      await markSynced(db, row.id, created.id, created.accessToken);
      await recordSettled(run, "operator", row.id, "recreated", {
        outcome: "recreated",
        name: row.name,
        vendorId: created.id,
      });
    } catch (error) {
      await recordFailure(run, "operator", row.id, error, { outcome: "recreate failed", name: row.name });
      if (transient(error)) {
        await releaseOperators(db, claimed.slice(claimed.indexOf(row) + 1));
        return;
      }
    }
  }
}
