/**
 * "Sincronizar": our records of operators and departments compared with the provider's lists,
 * and one-click fixes in either direction. Vendor-neutral (providers only through
 * ChatProvider and its `capabilities`).
 *
 *  - onlyVendor: the provider has it, we do not → adopt (a local `synced` row with its vendor id;
 *    an operator's accessToken stored encrypted, bound to the row id).
 *  - onlyLocal: our synced row's vendor id is not in the provider's list, or our create failed →
 *    recreate through the provisioning create path, or forget (local only).
 *  - different: same vendor id, some field differs → push ours (the provisioning update path,
 *    with its optimistic-concurrency version) or pull theirs (a local update).
 *  - checking: pending / uncertain rows belong to the reconciler; shown, never "fixed" here.
 *
 * The comparison itself is pure (`sync-compare.ts`); this file reads both sides and fixes.
 * `compareWithVendor` only reads (it backs a GET query). Every fix re-reads the provider's list
 * first, answers CONFLICT when the difference it was asked to fix no longer exists, and writes
 * a `sync.*` audit entry with its result.
 *
 * Longer than 350 lines on purpose: the six fixes share `readBoth`, `readTarget` and `audited`,
 * and each re-checks its own difference; split apart they would only import each other.
 */
import { randomUUID } from "node:crypto";
import { and, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { appError, appErrorOf } from "@/server/errors";
import { encryptOperatorToken } from "@/server/crypto";
import type { Db } from "@/server/db/client";
import { departments, operators, type Department, type Operator } from "@/server/db/schema";
import { sameName } from "@/lib/names";
import type { ChatProvider, ProviderDepartment, ProviderOperator } from "@/server/providers/types";
import { requireSyncedAccount } from "./accounts";
import { audit } from "./audit";
import { createDepartment, dropFromOperators, listDepartments, updateDepartment } from "./departments";
import { errorInfo, type ProvisioningScope } from "./errors";
import { nameTaken } from "./name-taken";
import { operatorFields } from "./operator-fields";
import { createOperator, listOperators, updateOperator } from "./operators";
import {
  compareDepartments,
  compareOperators,
  compareView,
  emptyComparison,
  isGeral,
  syncSupport,
  type SyncComparison,
  type SyncKind,
  type VendorView,
} from "./sync-compare";

export { syncSupport } from "./sync-compare";
export type {
  DepartmentField,
  DepartmentSide,
  OnlyLocalReason,
  OperatorField,
  OperatorSide,
  SyncComparison,
  SyncKind,
} from "./sync-compare";

/** Reads both sides. Department lists are read whenever operators are compared (names, ids). */
async function readBoth(
  db: Db,
  provider: ChatProvider,
  organizationId: string,
  need: { operators: boolean; departments: boolean },
): Promise<VendorView> {
  const support = syncSupport(provider);
  const wantOperators = need.operators && support.operators;
  const wantDepartments = (need.departments || wantOperators) && support.departments;
  if (!wantOperators && !wantDepartments) throw appError("NOT_SUPPORTED");
  const account = await requireSyncedAccount(db, organizationId);
  const [remoteDepartments, remoteOperators] = await Promise.all([
    wantDepartments ? provider.listDepartments(account.vendorAccountId) : Promise.resolve([]),
    wantOperators ? provider.listOperators(account.vendorAccountId) : Promise.resolve([]),
  ]);
  const [localDepartments, localOperators] = await Promise.all([
    wantDepartments || wantOperators ? listDepartments(db, organizationId) : Promise.resolve([]),
    wantOperators ? listOperators(db, organizationId) : Promise.resolve([]),
  ]);
  return { remoteDepartments, remoteOperators, localDepartments, localOperators };
}

/** Both sides compared. Reads only: no database write, no vendor write. */
export async function compareWithVendor(
  db: Db,
  provider: ChatProvider,
  organizationId: string,
): Promise<SyncComparison> {
  const supported = syncSupport(provider);
  const comparedAt = new Date();
  if (!supported.operators && !supported.departments) return emptyComparison(supported, comparedAt);
  const view = await readBoth(db, provider, organizationId, { operators: true, departments: true });
  return compareView(view, supported, comparedAt);
}

// ---------------------------------------------------------------------------------------------
// Fixes

export interface SyncTarget {
  kind: SyncKind;
  /** Our record's id. */
  id: string;
  /** The version the caller compared (else CONFLICT). */
  version: number;
}

export interface SyncResult {
  kind: SyncKind;
  id: string;
  name: string;
}

/** Runs a fix and records it in the audit log, whatever its outcome. */
async function audited<T extends SyncResult>(
  db: Db,
  scope: ProvisioningScope,
  action: string,
  target: { kind: SyncKind; id?: string; vendorId?: string },
  run: () => Promise<T>,
): Promise<T> {
  try {
    const result = await run();
    await audit(db, scope, {
      action,
      targetType: result.kind,
      targetId: result.id,
      result: "success",
      details: { name: result.name, ...(target.vendorId ? { vendorId: target.vendorId } : {}) },
    });
    return result;
  } catch (error) {
    const code = appErrorOf(error)?.info.code;
    await audit(db, scope, {
      action,
      targetType: target.kind,
      targetId: target.id ?? null,
      result: "failure",
      details: { ...(target.vendorId ? { vendorId: target.vendorId } : {}), ...(code ? { code } : errorInfo(error)) },
    });
    throw error;
  }
}

/** Inserts local synced rows for vendor departments we do not know (adoption). Returns the rows made. */
async function adoptDepartmentRows(
  db: Db,
  organizationId: string,
  remote: ProviderDepartment[],
): Promise<Department[]> {
  const made: Department[] = [];
  for (const r of remote) {
    // A record we once removed keeps its vendor id (unique per organization): bring it back instead.
    const [revived] = await db
      .update(departments)
      .set({
        deletedAt: null,
        name: r.name.trim(),
        active: r.active,
        state: "synced",
        lastError: null,
        updatedAt: new Date(),
        version: sql`${departments.version} + 1`,
      })
      .where(
        and(
          eq(departments.organizationId, organizationId),
          eq(departments.vendorId, r.id),
          isNotNull(departments.deletedAt),
        ),
      )
      .returning();
    if (revived) {
      made.push(revived);
      continue;
    }
    const [row] = await db
      .insert(departments)
      .values({
        organizationId,
        vendorId: r.id,
        name: r.name.trim(),
        active: r.active,
        isDefault: isGeral(r.name),
        state: "synced",
      })
      .onConflictDoNothing()
      .returning();
    if (row) made.push(row);
  }
  return made;
}

/** onlyVendor → a local record. */
export async function adoptFromVendor(
  db: Db,
  provider: ChatProvider,
  scope: ProvisioningScope,
  input: { kind: SyncKind; vendorId: string },
): Promise<SyncResult> {
  return audited(db, scope, "sync.adopt", input, async () => {
    const view = await readBoth(db, provider, scope.organizationId, {
      operators: input.kind === "operator",
      departments: input.kind === "department",
    });
    if (input.kind === "department") {
      const item = compareDepartments(view).onlyVendor.find((d) => d.vendorId === input.vendorId);
      if (!item) throw appError("CONFLICT");
      // Another live department already has this name: adopting would make two with one name.
      const clash = view.localDepartments.find((l) => sameName(l.name, item.name));
      if (clash) throw nameTaken("department", clash.name, { onField: false });
      const [row] = await adoptDepartmentRows(db, scope.organizationId, [
        view.remoteDepartments.find((r) => r.id === input.vendorId)!,
      ]);
      if (!row) throw appError("CONFLICT");
      return { kind: "department" as const, id: row.id, name: row.name };
    }
    const remote = view.remoteOperators.find((r) => r.id === input.vendorId);
    if (!remote || !compareOperators(view).onlyVendor.some((o) => o.vendorId === input.vendorId))
      throw appError("CONFLICT");
    const row = await adoptOperatorRow(db, scope, view, remote);
    return { kind: "operator" as const, id: row.id, name: row.name };
  });
}

/** A local synced operator for a vendor one; its unknown departments are adopted first. */
async function adoptOperatorRow(
  db: Db,
  scope: ProvisioningScope,
  view: VendorView,
  remote: ProviderOperator,
): Promise<Operator> {
  const departmentIds = await localDepartmentIdsFor(db, scope, view, remote.departments);
  const id = randomUUID();
  const [row] = await db
    .insert(operators)
    .values({
      id,
      organizationId: scope.organizationId,
      vendorId: remote.id,
      name: remote.name.trim(),
      active: remote.active,
      isAdmin: remote.isAdmin ?? false,
      departmentIds,
      state: "synced",
      ...(remote.accessToken ? { accessTokenCiphertext: encryptOperatorToken(id, remote.accessToken) } : {}),
    })
    .onConflictDoNothing()
    .returning();
  // Adopted meanwhile by someone else (unique per organization and vendor id).
  if (!row) throw appError("CONFLICT");
  return row;
}

/** Vendor department ids → local ids, adopting (and auditing) the departments we do not know yet. */
async function localDepartmentIdsFor(
  db: Db,
  scope: ProvisioningScope,
  view: VendorView,
  vendorIds: string[],
): Promise<string[]> {
  const missing = view.remoteDepartments.filter(
    (r) => vendorIds.includes(r.id) && !view.localDepartments.some((l) => l.vendorId === r.id),
  );
  const free = missing.filter((r) => !view.localDepartments.some((l) => sameName(l.name, r.name)));
  for (const row of await adoptDepartmentRows(db, scope.organizationId, free)) {
    await audit(db, scope, {
      action: "sync.adopt",
      targetType: "department",
      targetId: row.id,
      result: "success",
      details: { name: row.name, vendorId: row.vendorId },
    });
  }
  const rows = vendorIds.length
    ? await db
        .select({ id: departments.id, vendorId: departments.vendorId })
        .from(departments)
        .where(and(eq(departments.organizationId, scope.organizationId), isNull(departments.deletedAt)))
    : [];
  return vendorIds.flatMap((v) => rows.filter((r) => r.vendorId === v).map((r) => r.id));
}

/** Adopts everything that exists only at the provider: departments first, then operators. */
export async function adoptAllFromVendor(
  db: Db,
  provider: ChatProvider,
  scope: ProvisioningScope,
): Promise<{ departments: number; operators: number }> {
  const support = syncSupport(provider);
  let view = await readBoth(db, provider, scope.organizationId, { operators: true, departments: true });
  let adoptedDepartments = 0;
  if (support.departments) {
    const todo = compareDepartments(view).onlyVendor.filter(
      (d) => !view.localDepartments.some((l) => sameName(l.name, d.name)),
    );
    for (const row of await adoptDepartmentRows(
      db,
      scope.organizationId,
      view.remoteDepartments.filter((r) => todo.some((d) => d.vendorId === r.id)),
    )) {
      adoptedDepartments++;
      await audit(db, scope, {
        action: "sync.adopt",
        targetType: "department",
        targetId: row.id,
        result: "success",
        details: { name: row.name, vendorId: row.vendorId },
      });
    }
    view = { ...view, localDepartments: await listDepartments(db, scope.organizationId) };
  }
  let adoptedOperators = 0;
  if (support.operators) {
    for (const item of compareOperators(view).onlyVendor) {
      const remote = view.remoteOperators.find((r) => r.id === item.vendorId)!;
      try {
        const row = await adoptOperatorRow(db, scope, view, remote);
        adoptedOperators++;
        await audit(db, scope, {
          action: "sync.adopt",
          targetType: "operator",
          targetId: row.id,
          result: "success",
          details: { name: row.name, vendorId: remote.id },
        });
      } catch (error) {
        // Adopted concurrently: nothing left to do for this one.
        if (appErrorOf(error)?.info.code !== "CONFLICT") throw error;
      }
    }
  }
  return { departments: adoptedDepartments, operators: adoptedOperators };
}

/** The target among `locals` (at the caller's version, else CONFLICT) and how it compared. */
function findTarget<L extends { id: string; version: number }, D extends { id: string }, O extends { id: string }>(
  target: SyncTarget,
  locals: L[],
  cmp: { different: D[]; onlyLocal: O[] },
) {
  const local = locals.find((l) => l.id === target.id);
  if (!local) throw appError("NOT_FOUND");
  if (local.version !== target.version) throw appError("CONFLICT");
  return {
    local,
    different: cmp.different.find((d) => d.id === target.id),
    onlyLocal: cmp.onlyLocal.find((d) => d.id === target.id),
  };
}

/** The local row and its counterpart in the provider's list, checked against the caller's version. */
async function readTarget(db: Db, provider: ChatProvider, scope: ProvisioningScope, target: SyncTarget) {
  const view = await readBoth(db, provider, scope.organizationId, {
    operators: target.kind === "operator",
    departments: target.kind === "department",
  });
  const found =
    target.kind === "department"
      ? findTarget(target, view.localDepartments, compareDepartments(view))
      : findTarget(target, view.localOperators, compareOperators(view));
  return { view, ...found };
}

/** What every sync write to a record sets besides its values: one version on. */
function nextVersion(table: typeof departments | typeof operators) {
  return { updatedAt: new Date(), version: sql`${table.version} + 1` };
}

/** The target's row of this organization, still at the version the caller compared. */
function atVersion(
  table: typeof departments | typeof operators,
  scope: ProvisioningScope,
  target: SyncTarget,
  ...more: SQL[]
) {
  return and(
    eq(table.id, target.id),
    eq(table.organizationId, scope.organizationId),
    eq(table.version, target.version),
    ...more,
  );
}

/** The row a version-checked write returned; none: it changed meanwhile (CONFLICT). */
function written<T>(rows: T[]): T {
  const [row] = rows;
  if (!row) throw appError("CONFLICT");
  return row;
}

/** different → the provider takes our values (the provisioning update path, version-checked). */
export async function pushToVendor(
  db: Db,
  provider: ChatProvider,
  scope: ProvisioningScope,
  target: SyncTarget,
): Promise<SyncResult> {
  return audited(db, scope, "sync.push", target, async () => {
    const { local, different } = await readTarget(db, provider, scope, target);
    if (!different) throw appError("CONFLICT");
    if (target.kind === "department") {
      const row = await updateDepartment(db, provider, scope, { id: local.id, version: local.version });
      return { kind: "department" as const, id: row.id, name: row.name };
    }
    const row = await updateOperator(db, provider, scope, { id: local.id, version: local.version });
    return { kind: "operator" as const, id: row.id, name: row.name };
  });
}

/** different → our record takes the provider's values (a local change only). */
export async function pullFromVendor(
  db: Db,
  provider: ChatProvider,
  scope: ProvisioningScope,
  target: SyncTarget,
): Promise<SyncResult> {
  return audited(db, scope, "sync.pull", target, async () => {
    const { view, local, different } = await readTarget(db, provider, scope, target);
    if (!different) throw appError("CONFLICT");
    if (target.kind === "department") {
      const remote = view.remoteDepartments.find((r) => r.id === different.vendorId)!;
      const clash = sameName(remote.name, local.name)
        ? undefined
        : view.localDepartments.find((l) => l.id !== local.id && sameName(l.name, remote.name));
      if (clash) throw nameTaken("department", clash.name, { onField: false });
      const row = written(
        await db
          .update(departments)
          .set({ name: remote.name.trim(), active: remote.active, lastError: null, ...nextVersion(departments) })
          .where(atVersion(departments, scope, target))
          .returning(),
      );
      return { kind: "department" as const, id: row.id, name: row.name };
    }
    const remote = view.remoteOperators.find((r) => r.id === different.vendorId)!;
    const departmentIds = await localDepartmentIdsFor(db, scope, view, remote.departments);
    const row = written(
      await db
        .update(operators)
        .set({
          name: remote.name.trim(),
          active: remote.active,
          departmentIds,
          ...(remote.isAdmin === null ? {} : { isAdmin: remote.isAdmin }),
          ...(remote.accessToken ? { accessTokenCiphertext: encryptOperatorToken(local.id, remote.accessToken) } : {}),
          lastError: null,
          ...nextVersion(operators),
        })
        .where(atVersion(operators, scope, target))
        .returning(),
    );
    return { kind: "operator" as const, id: row.id, name: row.name };
  });
}

/**
 * onlyLocal → created again at the provider through the provisioning create path. The row is
 * first marked `failed` (the provider does not have it), which that path re-claims by name.
 */
export async function recreateAtVendor(
  db: Db,
  provider: ChatProvider,
  scope: ProvisioningScope,
  target: SyncTarget,
): Promise<SyncResult> {
  return audited(db, scope, "sync.recreate", target, async () => {
    const { view, local, onlyLocal } = await readTarget(db, provider, scope, target);
    if (!onlyLocal) throw appError("CONFLICT");
    // Failed, as the provider does not have it: the create path re-claims a failed row by name.
    const lost = (table: typeof departments | typeof operators) => ({
      state: "failed" as const,
      vendorId: null,
      lastError: { at: new Date().toISOString(), kind: "not_found" },
      ...nextVersion(table),
    });
    if (target.kind === "department") {
      written(
        await db
          .update(departments)
          .set(lost(departments))
          .where(atVersion(departments, scope, target, sql`${departments.state} in ('synced', 'failed')`))
          .returning(),
      );
      const row = await createDepartment(db, provider, scope, { name: local.name, active: local.active });
      return { kind: "department" as const, id: row.id, name: row.name };
    }
    const op = local as Operator;
    // Only departments the provider knows can go with it.
    const synced = new Set(
      view.localDepartments
        .filter((d) => d.state === "synced" && d.vendorId && view.remoteDepartments.some((r) => r.id === d.vendorId))
        .map((d) => d.id),
    );
    const departmentIds = op.departmentIds.filter((id) => synced.has(id));
    written(
      await db
        .update(operators)
        .set(lost(operators))
        .where(atVersion(operators, scope, target, sql`${operators.state} in ('synced', 'failed')`))
        .returning(),
    );
    const row = await createOperator(db, provider, scope, {
      name: op.name,
      active: op.active,
      isAdmin: op.isAdmin,
      departmentIds,
      ...(op.login ? { login: op.login } : {}),
      ...operatorFields(op),
    });
    return { kind: "operator" as const, id: row.id, name: row.name };
  });
}

/**
 * onlyLocal → our record is removed; the provider is not touched. A department leaves the
 * operators that listed it; an operator's link to a portal user goes with it. "Geral" stays.
 */
export async function forgetLocal(
  db: Db,
  provider: ChatProvider,
  scope: ProvisioningScope,
  target: SyncTarget,
): Promise<SyncResult> {
  return audited(db, scope, "sync.forget", target, async () => {
    const { local, onlyLocal } = await readTarget(db, provider, scope, target);
    if (target.kind === "department" && (local as Department).isDefault) throw appError("DEFAULT_DEPARTMENT");
    if (!onlyLocal) throw appError("CONFLICT");
    if (target.kind === "department") {
      const row = written(
        await db
          .update(departments)
          .set({ deletedAt: new Date(), ...nextVersion(departments) })
          .where(atVersion(departments, scope, target, isNull(departments.deletedAt)))
          .returning(),
      );
      await dropFromOperators(db, scope.organizationId, row.id);
      return { kind: "department" as const, id: row.id, name: row.name };
    }
    const row = written(
      await db
        .delete(operators)
        .where(atVersion(operators, scope, target))
        .returning(),
    );
    return { kind: "operator" as const, id: row.id, name: row.name };
  });
}
