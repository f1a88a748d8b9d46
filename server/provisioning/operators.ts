/**
 * Operators (chat agents): created local-row-first (`pending`), their vendor accessToken
 * stored only encrypted (server/crypto, bound to the row id), reconciled by listing after
 * an ambiguous create (a vendor operator with the same name not yet known locally is
 * adopted). Operators cannot be deleted at the vendor: access ends with `active: false`.
 * Passwords are write-only: passed to the provider, never stored, logged or audited.
 * On a backend whose create is an idempotent upsert (`operatorUpsert`, CDP), an uncertain
 * create is resolved by repeating the upsert instead of listing.
 *
 * Longer than 350 lines on purpose: create and update each carry the whole local-row-first
 * protocol (name lock, claim, vendor call, recorded outcome) that the import and the
 * reconciler reuse through `markSynced` / `pickOperatorMatch`; split apart, one protocol's
 * steps would live in several files.
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq, getTableColumns, inArray, isNull, ne, sql, type WithSubquery } from "drizzle-orm";
import { nameKey, sameName } from "@/lib/names";
import { adminRoleOf, DEFAULT_ROLE_CODES } from "@/lib/validation/role-codes";
import { appError } from "@/server/errors";
import { encryptOperatorToken } from "@/server/crypto";
import type { Db } from "@/server/db/client";
import { pgErrorCode } from "@/server/db/errors";
import { auditLog, departments, operators, type Operator } from "@/server/db/schema";
import type { ChatProvider, OperatorInput, ProviderOperator } from "@/server/providers/types";
import { requireSyncedAccount } from "./accounts";
import { audit, auditInsert, changesBetween, type AuditInput } from "./audit";
import { errorInfo, isUncertainCreate, type ProvisioningScope } from "./errors";
import { nameTaken } from "./name-taken";
import { operatorFields } from "./operator-fields";

export interface CreateOperatorInput {
  /**
   * A fixed id for the local record, chosen by a durable caller (the CSV import) and stored on
   * its side before this call: after a crash the caller finds the record by it. A same-name
   * record with another id is then never reclaimed (NAME_TAKEN).
   */
  id?: string;
  name: string;
  active?: boolean;
  isAdmin: boolean;
  /** Local department ids (of this organization). */
  departmentIds: string[];
  login?: string;
  password?: string;
  /** The portal user who will open the chat as this operator. */
  userId?: string | null;
  /** Backends with `operatorEmail` / `operatorRoles` (CDP). */
  email?: string;
  firstName?: string;
  lastName?: string;
  roleCode?: string;
  onlyAssignedConversations?: boolean;
}

export interface UpdateOperatorInput {
  id: string;
  version: number;
  name?: string;
  active?: boolean;
  isAdmin?: boolean;
  departmentIds?: string[];
  login?: string | null;
  password?: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  roleCode?: string;
  onlyAssignedConversations?: boolean;
  /**
   * The suspension's own change (reconciler/suspension.ts). Any other change of `active` is the
   * customer's decision and drops the state stored by a suspension, so a reactivation still in
   * progress never overrides it.
   */
  bySuspension?: boolean;
}

export async function listOperators(db: Db, organizationId: string): Promise<Operator[]> {
  return db
    .select()
    .from(operators)
    .where(eq(operators.organizationId, organizationId))
    .orderBy(asc(operators.createdAt));
}

export async function getOperator(db: Db, organizationId: string, id: string): Promise<Operator> {
  const [row] = await db
    .select()
    .from(operators)
    .where(and(eq(operators.organizationId, organizationId), eq(operators.id, id)));
  if (!row) throw appError("NOT_FOUND");
  return row;
}

/** The organization's live (not removed) departments whose `by` — local id or vendor id — is one of `ids`. */
export function liveDepartmentsBy(
  db: Db,
  organizationId: string,
  by: typeof departments.id | typeof departments.vendorId,
  ids: string[],
) {
  return db
    .select({ id: departments.id, vendorId: departments.vendorId })
    .from(departments)
    .where(and(eq(departments.organizationId, organizationId), inArray(by, ids), isNull(departments.deletedAt)));
}

/** Local department ids → vendor ids; any id not a live, synced department of this org → NOT_FOUND. */
export async function vendorDepartmentIds(db: Db, organizationId: string, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await liveDepartmentsBy(db, organizationId, departments.id, unique);
  if (rows.length !== unique.length || rows.some((r) => !r.vendorId))
    throw appError("NOT_FOUND", { field: "departmentIds" });
  return unique.map((id) => rows.find((r) => r.id === id)!.vendorId!);
}

/**
 * A department newly given to an operator must be active: an inactive one routes no chats, and
 * the forms do not offer it. One the operator already has (`kept`) may stay. The operator
 * procedures apply it (operators.create, and updateOperator for the departments it adds); the
 * CSV import and the sync keep their own rules.
 */
export async function assertAssignableDepartments(
  db: Db,
  organizationId: string,
  ids: readonly string[],
  kept: readonly string[] = [],
): Promise<void> {
  const added = [...new Set(ids)].filter((id) => !kept.includes(id));
  if (added.length === 0) return;
  const [inactive] = await db
    .select({ name: departments.name })
    .from(departments)
    .where(
      and(
        eq(departments.organizationId, organizationId),
        inArray(departments.id, added),
        isNull(departments.deletedAt),
        eq(departments.active, false),
      ),
    )
    .orderBy(asc(departments.name))
    .limit(1);
  if (inactive) throw appError("DEPARTMENT_INACTIVE", { field: "departmentIds", params: { name: inactive.name } });
}

/**
 * A write that rides on the statement marking a new record synced (the import marks its row
 * done there: one round trip, not two). Its CTE must return the rows it changed.
 */
export type AlongsideSynced = (db: Db) => WithSubquery;

/**
 * Marks the record synced; with `audited`, the audit entry is written by the same statement,
 * and so is `alongside` (`alongsideApplied`: it changed a row).
 */
export async function markSynced(
  db: Db,
  id: string,
  vendorId: string,
  accessToken: string | null,
  audited?: { scope: ProvisioningScope; entry: AuditInput },
  alongside?: AlongsideSynced,
): Promise<Operator & { alongsideApplied: boolean }> {
  const entry = audited
    ? db.$with("audit_entry").as(auditInsert(db, audited.scope, audited.entry).returning({ id: auditLog.id }))
    : null;
  const extra = alongside ? alongside(db) : null;
  const ctes = [entry, extra].filter((c): c is NonNullable<typeof c> => c !== null);
  const [row] = await (ctes.length > 0 ? db.with(...ctes) : db)
    .update(operators)
    .set({
      vendorId,
      state: "synced",
      lastError: null,
      updatedAt: new Date(),
      ...(accessToken ? { accessTokenCiphertext: encryptOperatorToken(id, accessToken) } : {}),
    })
    .where(eq(operators.id, id))
    .returning({
      ...getTableColumns(operators),
      alongsideApplied: extra ? sql<boolean>`exists (select 1 from ${extra})` : sql<boolean>`false`,
    });
  return row!;
}

/** The vendor ids already held by a local operator of the organization. */
export async function knownOperatorVendorIds(db: Db, organizationId: string): Promise<Set<string>> {
  return new Set(
    (
      await db
        .select({ vendorId: operators.vendorId })
        .from(operators)
        .where(eq(operators.organizationId, organizationId))
    )
      .map((r) => r.vendorId)
      .filter((v): v is string => v !== null),
  );
}

/**
 * The vendor operator a local row should adopt: same name and not yet known locally; among
 * several, the one with the same departments (and admin flag, when the list says it).
 */
export function pickOperatorMatch(
  remote: ProviderOperator[],
  known: Set<string>,
  row: Pick<Operator, "name" | "isAdmin">,
  vendorDepartments: string[] | null,
): ProviderOperator | undefined {
  const candidates = remote.filter((r) => !known.has(r.id) && sameName(r.name, row.name));
  const sameDepartments = (r: ProviderOperator) =>
    vendorDepartments !== null &&
    r.departments.length === vendorDepartments.length &&
    vendorDepartments.every((d) => r.departments.includes(d));
  const sameAdmin = (r: ProviderOperator) => r.isAdmin === null || r.isAdmin === row.isAdmin;
  return (
    candidates.find((r) => sameDepartments(r) && sameAdmin(r)) ??
    candidates.find(sameDepartments) ??
    candidates.find(sameAdmin) ??
    candidates[0]
  );
}

/** Adopts a vendor operator with the row's name that no local row knows yet. */
async function reconcile(
  db: Db,
  provider: ChatProvider,
  organizationId: string,
  vendorAccountId: string,
  row: Pick<Operator, "id" | "name" | "isAdmin">,
  vendorDepartments: string[],
): Promise<Operator | null> {
  const remote: ProviderOperator[] = await provider.listOperators(vendorAccountId);
  const match = pickOperatorMatch(remote, await knownOperatorVendorIds(db, organizationId), row, vendorDepartments);
  return match ? markSynced(db, row.id, match.id, match.accessToken) : null;
}

/** What `createOperator` would look up, supplied by a caller that creates many operators at once (the import). */
export interface KnownOperatorContext {
  account: Awaited<ReturnType<typeof requireSyncedAccount>>;
  /** `vendorDepartmentIds` of the input's departmentIds. */
  vendorDepartments: string[];
  /** Written by the statement that marks the new record synced (see `markSynced`). */
  alongsideSynced?: AlongsideSynced;
}

type OperatorValues = typeof operators.$inferInsert & { organizationId: string; name: string; departmentIds: string[] };
type Claim =
  | { row: Pick<Operator, "id" | "name" | "isAdmin">; wasUncertain: boolean }
  | { existing: Operator }
  | { linked: true }
  | { emailTaken: true };

/** Postgres error code raised by operator_name_guard (drizzle/0003_operator_name_guard.sql). */
const NAME_GUARD_CODE = "OPNAM";

/**
 * The usual create, in one statement and one round trip: insert the record and, in its
 * RETURNING, take the name lock and check that no other record has the name or e-mail
 * (`operator_name_guard`, which raises on a clash and so undoes the insert). Null when something
 * is in the way (a clash, or a record with this id or user): `claimUnderLock` then says what.
 */
async function insertIfNameFree(
  db: Db,
  values: OperatorValues,
  lockKey: string,
  email: string | null,
): Promise<Claim | null> {
  const id = values.id ?? randomUUID();
  try {
    const [row] = await db
      .insert(operators)
      .values({ ...values, id })
      .onConflictDoNothing()
      .returning({
        id: operators.id,
        name: operators.name,
        isAdmin: operators.isAdmin,
        guard: sql<boolean>`operator_name_guard(${values.organizationId}, ${id}, ${lockKey}, ${values.name}, ${email})`,
      });
    return row ? { row: { id: row.id, name: row.name, isAdmin: row.isAdmin }, wasUncertain: false } : null;
  } catch (error) {
    if (pgErrorCode(error) === NAME_GUARD_CODE) return null;
    throw error;
  }
}

/** Under the name lock, in a transaction: what is in the way of a new record, or the record reclaimed or inserted. */
async function claimUnderLock(
  db: Db,
  scope: ProvisioningScope,
  input: CreateOperatorInput,
  values: OperatorValues,
  lockKey: string,
): Promise<Claim> {
  const name = values.name;
  return db.transaction(async (tx): Promise<Claim> => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${lockKey}))`);
    const [existing] = await tx
      .select()
      .from(operators)
      .where(
        and(eq(operators.organizationId, scope.organizationId), sql`name_key(${operators.name}) = name_key(${name})`),
      );
    if (existing) {
      if (input.id !== undefined && existing.id !== input.id) return { existing };
      if (existing.state === "synced" || existing.state === "pending") return { existing };
      // An operator that exists at the vendor (an update in doubt / refused, upsert backends) is edited, not re-created.
      if (existing.vendorId) return { existing };
      // Conditional on the state read: the reconciler claims rows without this lock.
      const [reclaimed] = await tx
        .update(operators)
        .set({
          state: "pending",
          isAdmin: input.isAdmin,
          departmentIds: input.departmentIds,
          login: input.login ?? null,
          ...operatorFields(input),
          updatedAt: new Date(),
        })
        .where(and(eq(operators.id, existing.id), eq(operators.state, existing.state)))
        .returning();
      if (!reclaimed) return { existing };
      return { row: reclaimed, wasUncertain: existing.state === "uncertain" };
    }
    if (input.userId) {
      const [linked] = await tx
        .select({ id: operators.id })
        .from(operators)
        .where(and(eq(operators.organizationId, scope.organizationId), eq(operators.userId, input.userId)));
      if (linked) return { linked: true as const };
    }
    if (input.email) {
      // One operator per e-mail: the backend identifies the person by it (a second row would be the same vendor user).
      const [sameEmail] = await tx
        .select({ id: operators.id })
        .from(operators)
        .where(
          and(
            eq(operators.organizationId, scope.organizationId),
            sql`lower(${operators.email}) = lower(${input.email})`,
          ),
        );
      if (sameEmail) return { emailTaken: true as const };
    }
    const [row] = await tx.insert(operators).values(values).returning();
    return { row: row!, wasUncertain: false };
  });
}

/**
 * Creates an operator at the vendor once; a same-name operator in flight or existing → NAME_TAKEN.
 * `alongsideApplied`: `known.alongsideSynced` was written (only on a plain create's success).
 */
export async function createOperator(
  db: Db,
  provider: ChatProvider,
  scope: ProvisioningScope,
  input: CreateOperatorInput,
  known?: KnownOperatorContext,
): Promise<Operator & { alongsideApplied?: boolean }> {
  const account = known?.account ?? (await requireSyncedAccount(db, scope.organizationId));
  const name = input.name.trim();
  const vendorDepartments =
    known?.vendorDepartments ?? (await vendorDepartmentIds(db, scope.organizationId, input.departmentIds));

  const values = {
    ...(input.id === undefined ? {} : { id: input.id }),
    organizationId: scope.organizationId,
    name,
    active: input.active ?? true,
    isAdmin: input.isAdmin,
    departmentIds: input.departmentIds,
    login: input.login ?? null,
    userId: input.userId ?? null,
    email: input.email ?? null,
    firstName: input.firstName ?? null,
    lastName: input.lastName ?? null,
    roleCode: input.roleCode ?? null,
    onlyAssignedConversations: input.onlyAssignedConversations ?? null,
    state: "pending" as const,
  };
  // The local row first, under a per-(org, name) lock so concurrent identical requests make one row.
  const lockKey = `operator:${scope.organizationId}:${nameKey(name)}`;
  const claimed =
    (await insertIfNameFree(db, values, lockKey, input.email ?? null)) ??
    (await claimUnderLock(db, scope, input, values, lockKey));
  if ("linked" in claimed) throw appError("ALREADY_OPERATOR");
  if ("emailTaken" in claimed) throw appError("OPERATOR_EMAIL_TAKEN", { field: "email" });
  if ("existing" in claimed) throw nameTaken("operator", claimed.existing.name);
  const row = claimed.row;

  const upsert = provider.capabilities.operatorUpsert;
  // With an upsert, the uncertain create is simply sent again below (idempotent by user).
  if (claimed.wasUncertain && !upsert) {
    if (!provider.capabilities.listOperators) {
      // Neither an upsert nor a list: the outcome cannot be checked, and re-sending could duplicate it.
      await db
        .update(operators)
        .set({ state: "uncertain", updatedAt: new Date() })
        .where(and(eq(operators.id, row.id), eq(operators.state, "pending")));
      throw appError("NOT_SUPPORTED");
    }
    let adopted: Operator | null;
    try {
      adopted = await reconcile(db, provider, scope.organizationId, account.vendorAccountId, row, vendorDepartments);
    } catch (error) {
      // The list failed: still unknown. Back to uncertain (not a stuck `pending`).
      await db
        .update(operators)
        .set({ state: "uncertain", updatedAt: new Date() })
        .where(and(eq(operators.id, row.id), eq(operators.state, "pending")));
      throw error;
    }
    if (adopted) return adopted;
  }

  const payload: OperatorInput = {
    name,
    active: input.active ?? true,
    departments: vendorDepartments,
    isAdmin: input.isAdmin,
    ...(input.login ? { login: input.login } : {}),
    ...(input.password ? { password: input.password } : {}),
    ...operatorFields(input),
  };
  const send = async () => {
    try {
      return await provider.createOperator(account.vendorAccountId, payload);
    } catch (error) {
      if (!upsert || !isUncertainCreate(error)) throw error;
      // Idempotent: repeating resolves the unknown outcome (the same binding, not a second one).
      return provider.createOperator(account.vendorAccountId, payload);
    }
  };
  try {
    const created = await send();
    return await markSynced(
      db,
      row.id,
      created.id,
      created.accessToken,
      {
        scope,
        entry: {
          action: "operator.create",
          targetType: "operator",
          targetId: row.id,
          result: "success",
          details: { name, isAdmin: input.isAdmin, vendorId: created.id, login: input.login ?? null },
        },
      },
      known?.alongsideSynced,
    );
  } catch (error) {
    const uncertain = isUncertainCreate(error);
    const info = errorInfo(error);
    if (uncertain && !upsert && provider.capabilities.listOperators) {
      // Look for it in the vendor's list while the record is still `pending` (ours): the
      // reconciler leaves a fresh pending record alone, so it cannot claim it meanwhile, miss
      // the vendor operator we adopt (its id then "known") and create it a second time.
      await db.update(operators).set({ lastError: info, updatedAt: new Date() }).where(eq(operators.id, row.id));
      await audit(db, scope, {
        action: "operator.create",
        targetType: "operator",
        targetId: row.id,
        result: "uncertain",
        details: { name, ...info },
      });
      try {
        const adopted = await reconcile(
          db,
          provider,
          scope.organizationId,
          account.vendorAccountId,
          row,
          vendorDepartments,
        );
        if (adopted) return adopted;
      } catch {
        // Still unknown: uncertain below; the next attempt (or the reconciler) lists first.
      }
      await db
        .update(operators)
        .set({ state: "uncertain", updatedAt: new Date() })
        .where(and(eq(operators.id, row.id), eq(operators.state, "pending")));
      throw error;
    }
    await db
      .update(operators)
      .set({ state: uncertain ? "uncertain" : "failed", lastError: info, updatedAt: new Date() })
      .where(eq(operators.id, row.id));
    await audit(db, scope, {
      action: "operator.create",
      targetType: "operator",
      targetId: row.id,
      result: uncertain ? "uncertain" : "failure",
      details: { name, ...info },
    });
    // Uncertain with an upsert: the next attempt simply repeats it (without a list, the reconciler decides).
    if (!uncertain) {
      await db.delete(operators).where(and(eq(operators.id, row.id), eq(operators.state, "failed")));
    }
    throw error;
  }
}

const AUDITED_OPERATOR_FIELDS = [
  "name",
  "email",
  "firstName",
  "lastName",
  "roleCode",
  "onlyAssignedConversations",
  "active",
  "isAdmin",
  "login",
] as const;
type AuditedOperator = Pick<Operator, (typeof AUDITED_OPERATOR_FIELDS)[number] | "departmentIds">;

/** What an update changed, for the audit log (before → after); department ids become names a person reads. */
async function operatorChanges(db: Db, organizationId: string, current: AuditedOperator, next: AuditedOperator) {
  const audited = (row: AuditedOperator) => Object.fromEntries(AUDITED_OPERATOR_FIELDS.map((k) => [k, row[k] ?? null]));
  const changes = changesBetween(audited(current), audited(next));
  const sorted = (ids: string[]) => JSON.stringify([...ids].sort());
  if (sorted(current.departmentIds) !== sorted(next.departmentIds)) {
    const ids = [...new Set([...current.departmentIds, ...next.departmentIds])];
    const rows = await db
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .where(and(eq(departments.organizationId, organizationId), inArray(departments.id, ids)));
    const nameOf = new Map(rows.map((r) => [r.id, r.name]));
    const names = (list: string[]) => list.map((id) => nameOf.get(id) ?? "?");
    changes.departments = { from: names(current.departmentIds), to: names(next.departmentIds) };
  }
  return changes;
}

/**
 * Updates an operator (the vendor needs every field); `version` must match (else CONFLICT).
 * On an upsert backend (`operatorUpsert`) the row keeps what was asked for: an update with an
 * unknown outcome leaves it `uncertain` with the new values (the reconciler repeats the upsert,
 * or the admin's next save does — the upsert carries the whole binding), and an operator the
 * vendor refused (`failed`, with its vendor id) can be edited to fix it.
 */
export async function updateOperator(
  db: Db,
  provider: ChatProvider,
  scope: ProvisioningScope,
  input: UpdateOperatorInput,
): Promise<Operator> {
  const account = await requireSyncedAccount(db, scope.organizationId);
  const current = await getOperator(db, scope.organizationId, input.id);
  if (current.version !== input.version) throw appError("CONFLICT");
  const upsert = provider.capabilities.operatorUpsert;
  const editable =
    current.state === "synced" || (upsert && (current.state === "uncertain" || current.state === "failed"));
  if (!editable || !current.vendorId) throw appError("NOT_SYNCED");
  const firstName = input.firstName?.trim() ?? current.firstName;
  const lastName = input.lastName?.trim() ?? current.lastName;
  const renamedByParts = input.name === undefined && (input.firstName !== undefined || input.lastName !== undefined);
  const next = {
    name: renamedByParts ? [firstName, lastName].filter(Boolean).join(" ") : (input.name?.trim() ?? current.name),
    email: input.email ?? current.email,
    firstName,
    lastName,
    roleCode: input.roleCode ?? current.roleCode,
    onlyAssignedConversations: input.onlyAssignedConversations ?? current.onlyAssignedConversations,
    active: input.active ?? current.active,
    isAdmin:
      input.isAdmin ??
      (input.roleCode === undefined
        ? current.isAdmin
        : input.roleCode === adminRoleOf(provider.roleCodes ?? DEFAULT_ROLE_CODES)),
    departmentIds: input.departmentIds ?? current.departmentIds,
    login: input.login === undefined ? current.login : input.login,
  };
  if (!sameName(next.name, current.name)) {
    const [clash] = await db
      .select({ name: operators.name })
      .from(operators)
      .where(
        and(
          eq(operators.organizationId, scope.organizationId),
          sql`name_key(${operators.name}) = name_key(${next.name})`,
          ne(operators.id, current.id),
        ),
      );
    if (clash) throw nameTaken("operator", clash.name);
  }
  if (input.departmentIds)
    await assertAssignableDepartments(db, scope.organizationId, input.departmentIds, current.departmentIds);
  const vendorDepartments = await vendorDepartmentIds(db, scope.organizationId, next.departmentIds);
  const [taken] = await db
    .update(operators)
    .set({ version: sql`${operators.version} + 1`, updatedAt: new Date() })
    // The state too: a reconciler run may have claimed the row (pending) meanwhile.
    .where(
      and(
        eq(operators.id, current.id),
        eq(operators.organizationId, scope.organizationId),
        eq(operators.version, input.version),
        eq(operators.state, current.state),
      ),
    )
    .returning();
  if (!taken) throw appError("CONFLICT");
  let result;
  try {
    result = await provider.updateOperator(account.vendorAccountId, current.vendorId, {
      name: next.name,
      active: next.active,
      departments: vendorDepartments,
      isAdmin: next.isAdmin,
      ...(next.login ? { login: next.login } : {}),
      ...(input.password ? { password: input.password } : {}),
      ...operatorFields(next),
    });
  } catch (error) {
    const info = errorInfo(error);
    const uncertain = isUncertainCreate(error);
    // Upsert: keep the asked-for values, marked uncertain; repeating the same upsert settles it.
    await db
      .update(operators)
      .set(
        upsert && uncertain
          ? { ...next, state: "uncertain", lastError: info, updatedAt: new Date() }
          : { lastError: info },
      )
      .where(eq(operators.id, current.id));
    await audit(db, scope, {
      action: "operator.update",
      targetType: "operator",
      targetId: current.id,
      result: uncertain ? "uncertain" : "failure",
      details: { name: next.name, ...info },
    });
    throw error;
  }
  const [row] = await db
    .update(operators)
    .set({
      ...next,
      state: "synced",
      lastError: null,
      updatedAt: new Date(),
      ...(input.active !== undefined && !input.bySuspension ? { activeBeforeSuspension: null } : {}),
      ...(result.accessToken ? { accessTokenCiphertext: encryptOperatorToken(current.id, result.accessToken) } : {}),
    })
    .where(eq(operators.id, current.id))
    .returning();
  await audit(db, scope, {
    action: "operator.update",
    targetType: "operator",
    targetId: current.id,
    result: "success",
    details: { name: next.name, changes: await operatorChanges(db, scope.organizationId, current, next) },
  });
  return row!;
}
