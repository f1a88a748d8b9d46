/**
 * Departments: mirrored from the vendor's list (including its default "Geral"), created
 * local-row-first (`pending`, unique per organization and name), and reconciled by listing
 * after an ambiguous create — a vendor record with the same name not yet known locally is
 * adopted instead of sending a second create.
 */
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { sameName } from "@/lib/names";
import { appError } from "@/server/errors";
import type { Db } from "@/server/db/client";
import { departments, operators, type Department } from "@/server/db/schema";
import type { ChatProvider, ProviderDepartment } from "@/server/providers/types";
import { requireSyncedAccount } from "./accounts";
import { audit, changesBetween } from "./audit";
import { errorInfo, isUncertainCreate, type ProvisioningScope } from "./errors";
import { nameTaken } from "./name-taken";

const DEFAULT_DEPARTMENT_NAME = "geral";

export async function listDepartments(db: Db, organizationId: string): Promise<Department[]> {
  return db
    .select()
    .from(departments)
    .where(and(eq(departments.organizationId, organizationId), isNull(departments.deletedAt)))
    .orderBy(asc(departments.createdAt), asc(departments.name));
}

/** One department of the organization, or NOT_FOUND (another tenant's id gives the same answer). */
export async function getDepartment(db: Db, organizationId: string, id: string): Promise<Department> {
  const [row] = await db
    .select()
    .from(departments)
    .where(and(eq(departments.organizationId, organizationId), eq(departments.id, id), isNull(departments.deletedAt)));
  if (!row) throw appError("NOT_FOUND");
  return row;
}

/** Brings the local mirror in line with the vendor's list: adopt, refresh, insert; drop what vanished. */
export async function syncDepartmentsFromVendor(
  db: Db,
  provider: ChatProvider,
  scope: ProvisioningScope,
): Promise<Department[]> {
  const account = await requireSyncedAccount(db, scope.organizationId);
  const listedAt = new Date();
  const remote = await provider.listDepartments(account.vendorAccountId);
  await mergeRemote(db, scope.organizationId, remote, listedAt);
  return listDepartments(db, scope.organizationId);
}

/**
 * Merges the vendor's list (read at `listedAt`, i.e. the moment just BEFORE the list call)
 * into the local mirror. Exported for the reconciler.
 */
export async function mergeRemote(
  db: Db,
  organizationId: string,
  remote: ProviderDepartment[],
  listedAt: Date,
): Promise<void> {
  const local = await db
    .select()
    .from(departments)
    .where(and(eq(departments.organizationId, organizationId), isNull(departments.deletedAt)));
  const remoteIds = new Set(remote.map((d) => d.id));
  for (const r of remote) {
    const known = local.find((l) => l.vendorId === r.id);
    const isDefault = sameName(r.name, DEFAULT_DEPARTMENT_NAME);
    if (known) {
      const differs =
        known.name !== r.name || known.active !== r.active || known.isDefault !== (known.isDefault || isDefault);
      // A change made after the list was read is newer than the list: leave it.
      if (known.state === "synced" && known.updatedAt < listedAt && (differs || known.lastError !== null)) {
        await db
          .update(departments)
          .set({
            name: r.name,
            active: r.active,
            isDefault: known.isDefault || isDefault,
            lastError: null,
            updatedAt: new Date(),
            version: sql`${departments.version} + 1`,
          })
          .where(and(eq(departments.id, known.id), eq(departments.version, known.version)));
      }
      continue;
    }
    // A local row still waiting for its vendor id (uncertain/pending/failed) with the same name: adopt.
    const orphan = local.find((l) => l.vendorId === null && sameName(l.name, r.name));
    if (orphan) {
      await db
        .update(departments)
        .set({
          vendorId: r.id,
          state: "synced",
          lastError: null,
          active: r.active,
          updatedAt: new Date(),
          version: sql`${departments.version} + 1`,
        })
        .where(eq(departments.id, orphan.id));
      continue;
    }
    await db
      .insert(departments)
      .values({ organizationId, vendorId: r.id, name: r.name, active: r.active, isDefault, state: "synced" })
      .onConflictDoNothing();
  }
  // Synced rows the vendor no longer lists were deleted there — unless they were synced after
  // the list was read (a concurrent create the list could not show yet).
  for (const l of local) {
    if (l.state === "synced" && l.vendorId && !remoteIds.has(l.vendorId) && l.updatedAt < listedAt) {
      await db
        .update(departments)
        .set({ deletedAt: new Date(), updatedAt: new Date() })
        .where(eq(departments.id, l.id));
      await dropFromOperators(db, organizationId, l.id);
    }
  }
}

/** Removes a deleted department from the operators that listed it. */
export async function dropFromOperators(db: Db, organizationId: string, departmentId: string): Promise<void> {
  await db
    .update(operators)
    .set({ departmentIds: sql`array_remove(${operators.departmentIds}, ${departmentId}::uuid)` })
    .where(
      and(eq(operators.organizationId, organizationId), sql`${departmentId}::uuid = any(${operators.departmentIds})`),
    );
}

async function findByName(db: Db, organizationId: string, name: string): Promise<Department | undefined> {
  const [row] = await db
    .select()
    .from(departments)
    .where(
      and(
        eq(departments.organizationId, organizationId),
        isNull(departments.deletedAt),
        sql`name_key(${departments.name}) = name_key(${name})`,
      ),
    );
  return row;
}

/**
 * Creates a department at the vendor once. Same name as a live department → NAME_TAKEN
 * (a concurrent identical request included); a previous uncertain create of the same name
 * is reconciled by listing before anything is re-sent.
 */
export async function createDepartment(
  db: Db,
  provider: ChatProvider,
  scope: ProvisioningScope,
  input: { name: string; active?: boolean },
): Promise<Department> {
  const account = await requireSyncedAccount(db, scope.organizationId);
  const name = input.name.trim();
  const active = input.active ?? true;
  const [inserted] = await db
    .insert(departments)
    .values({ organizationId: scope.organizationId, name, active, state: "pending" })
    .onConflictDoNothing()
    .returning();
  let row = inserted;
  if (!row) {
    const existing = await findByName(db, scope.organizationId, name);
    if (!existing) throw appError("CONFLICT");
    if (existing.state === "synced" || existing.state === "pending") throw nameTaken("department", existing.name);
    // Claim first (only one caller — request or reconciler — wins the transition), then list:
    // a list read before the claim could be stale by the time we POST.
    const [reclaimed] = await db
      .update(departments)
      .set({ state: "pending", active, updatedAt: new Date() })
      .where(and(eq(departments.id, existing.id), eq(departments.state, existing.state)))
      .returning();
    if (!reclaimed) throw nameTaken("department", existing.name);
    row = reclaimed;
    if (existing.state === "uncertain") {
      // The earlier create may have happened: the next vendor call is a list read.
      try {
        const listedAt = new Date();
        await mergeRemote(db, scope.organizationId, await provider.listDepartments(account.vendorAccountId), listedAt);
      } catch (error) {
        await db
          .update(departments)
          .set({ state: "uncertain", updatedAt: new Date() })
          .where(and(eq(departments.id, row.id), eq(departments.state, "pending")));
        throw error;
      }
      const after = await getDepartment(db, scope.organizationId, existing.id);
      if (after.state === "synced") return after;
    }
  }

  try {
    const { id: vendorId } = await provider.createDepartment(account.vendorAccountId, { name, active });
    const [synced] = await db
      .update(departments)
      .set({ vendorId, state: "synced", lastError: null, updatedAt: new Date() })
      .where(eq(departments.id, row.id))
      .returning();
    await audit(db, scope, {
      action: "department.create",
      targetType: "department",
      targetId: row.id,
      result: "success",
      details: { name, vendorId },
    });
    return synced!;
  } catch (error) {
    const uncertain = isUncertainCreate(error);
    const info = errorInfo(error);
    await db
      .update(departments)
      .set({ state: uncertain ? "uncertain" : "failed", lastError: info, updatedAt: new Date() })
      .where(eq(departments.id, row.id));
    await audit(db, scope, {
      action: "department.create",
      targetType: "department",
      targetId: row.id,
      result: uncertain ? "uncertain" : "failure",
      details: { name, ...info },
    });
    if (uncertain) {
      // The next vendor call after an ambiguous create is a list read.
      try {
        const listedAt = new Date();
        await mergeRemote(db, scope.organizationId, await provider.listDepartments(account.vendorAccountId), listedAt);
        const after = await getDepartment(db, scope.organizationId, row.id);
        if (after.state === "synced") return after;
      } catch {
        // Still unknown: stays uncertain for the next attempt.
      }
    } else {
      // A definite failure leaves nothing behind at the vendor: free the name.
      await db.delete(departments).where(and(eq(departments.id, row.id), eq(departments.state, "failed")));
    }
    throw error;
  }
}

/** Renames / (de)activates a department; `version` must be the one the caller read (else CONFLICT). */
export async function updateDepartment(
  db: Db,
  provider: ChatProvider,
  scope: ProvisioningScope,
  input: { id: string; version: number; name?: string; active?: boolean },
): Promise<Department> {
  const account = await requireSyncedAccount(db, scope.organizationId);
  const current = await getDepartment(db, scope.organizationId, input.id);
  if (current.version !== input.version) throw appError("CONFLICT");
  if (current.state !== "synced" || !current.vendorId) throw appError("NOT_SYNCED");
  const name = input.name?.trim() ?? current.name;
  const active = input.active ?? current.active;
  if (!sameName(name, current.name)) {
    const clash = await findByName(db, scope.organizationId, name);
    if (clash && clash.id !== current.id) throw nameTaken("department", clash.name);
  }
  // Take the version first: of two concurrent edits of the same version only one proceeds.
  const [taken] = await db
    .update(departments)
    .set({ version: sql`${departments.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(departments.id, current.id),
        eq(departments.organizationId, scope.organizationId),
        eq(departments.version, input.version),
      ),
    )
    .returning();
  if (!taken) throw appError("CONFLICT");
  try {
    await provider.updateDepartment(account.vendorAccountId, { id: current.vendorId, name, active });
  } catch (error) {
    const info = errorInfo(error);
    await db.update(departments).set({ lastError: info }).where(eq(departments.id, current.id));
    await audit(db, scope, {
      action: "department.update",
      targetType: "department",
      targetId: current.id,
      result: isUncertainCreate(error) ? "uncertain" : "failure",
      details: { name, active, ...info },
    });
    throw error;
  }
  const [updated] = await db
    .update(departments)
    .set({ name, active, lastError: null, updatedAt: new Date() })
    .where(eq(departments.id, current.id))
    .returning();
  await audit(db, scope, {
    action: "department.update",
    targetType: "department",
    targetId: current.id,
    result: "success",
    details: { name, changes: changesBetween({ name: current.name, active: current.active }, { name, active }) },
  });
  return updated!;
}

/** Deletes a department at the vendor (its chats move to "Geral") and locally; the default one stays. */
export async function removeDepartment(
  db: Db,
  provider: ChatProvider,
  scope: ProvisioningScope,
  input: { id: string; version: number },
): Promise<void> {
  const account = await requireSyncedAccount(db, scope.organizationId);
  const current = await getDepartment(db, scope.organizationId, input.id);
  if (current.version !== input.version) throw appError("CONFLICT");
  if (current.isDefault) throw appError("DEFAULT_DEPARTMENT");
  if (current.vendorId) {
    try {
      await provider.deleteDepartment(account.vendorAccountId, current.vendorId);
    } catch (error) {
      // Already gone at the vendor: finish locally.
      if (!(error instanceof Error && "kind" in error && error.kind === "not_found")) {
        await db
          .update(departments)
          .set({ lastError: errorInfo(error), updatedAt: new Date() })
          .where(eq(departments.id, current.id));
        await audit(db, scope, {
          action: "department.delete",
          targetType: "department",
          targetId: current.id,
          result: "failure",
          details: { name: current.name, ...errorInfo(error) },
        });
        throw error;
      }
    }
  }
  await db
    .update(departments)
    .set({ deletedAt: new Date(), updatedAt: new Date() })
    .where(eq(departments.id, current.id));
  await dropFromOperators(db, scope.organizationId, current.id);
  await audit(db, scope, {
    action: "department.delete",
    targetType: "department",
    targetId: current.id,
    result: "success",
    details: { name: current.name },
  });
}
