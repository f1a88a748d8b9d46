/**
 * The reconciler: resolves what a vendor call left unknown, per organization.
 *
 *  - departments / operators in `uncertain` (settled for `settleMs`) or in `pending` for longer
 *    than `graceMs` (the call died mid-flight): each row is CLAIMED first (an atomic state
 *    transition to `pending` — a user's retry and other instances then leave it alone), then
 *    the vendor's list is read; a vendor record with the same name that no local row knows
 *    is adopted (operators: preferring the same departments / admin flag; the accessToken
 *    from the list is stored encrypted). Only when the list shows absence is the create sent
 *    again — once per run — and its outcome recorded (synced / uncertain / failed + reason).
 *  - synced rows whose last update had an unknown outcome are refreshed from the vendor's list
 *    (name, active, and the operator's possibly rotated accessToken).
 *  - the account cannot be looked up at the vendor: an uncertain (or stale pending) account
 *    is only reported ("needs attention"), never re-created.
 *  - a backend whose operator call is an idempotent upsert (`operatorUpsert`, CDP — which has no
 *    list, `listOperators: false`): an uncertain or stale pending operator is resolved by
 *    REPEATING the upsert with the row's values (same e-mail / user: the same binding, never a
 *    second one) → synced with the returned id; a definite refusal → failed with the reason.
 *    An update in doubt (uncertain, with a vendor id) is repeated the same way.
 *  - nothing is asked of a provider that lacks it: departments only with `departments`, lists
 *    only with `listOperators`; with neither a list nor an upsert, operators are only reported.
 *
 * Safe on several instances at once: a per-organization lease row (`reconciler_leases`),
 * claimed with one atomic statement, plus the per-row claims. No transaction is open while
 * the vendor is called. Every run is recorded in `reconciler_runs`.
 */
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { and, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import {
  departments,
  operators,
  reconcilerLeases,
  reconcilerRuns,
  vendorAccounts,
  type Department,
  type Operator,
  type ProvisioningErrorInfo,
  type ProvisioningState,
  type ReconcilerRun,
} from "@/server/db/schema";
import { encryptOperatorToken } from "@/server/crypto";
import { isProviderError } from "@/server/providers/errors";
import type { ChatProvider, OperatorInput, ProviderDepartment, ProviderOperator } from "@/server/providers/types";
import { getVendorAccount, STALE_PENDING_MS } from "./accounts";
import { audit } from "./audit";
import { mergeRemote } from "./departments";
import { errorInfo, isUncertainCreate, type ProvisioningScope } from "./errors";
import { operatorFields } from "./operator-fields";
import { knownOperatorVendorIds, markSynced, pickOperatorMatch, vendorDepartmentIds } from "./operators";

/** This process, as a lease holder. */
export const INSTANCE_ID = `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;

export interface ReconcileOptions {
  /** Who holds the lease (default: this process). */
  holder?: string;
  trigger?: "schedule" | "manual";
  /** A `pending` row older than this belongs to a call that died. */
  graceMs?: number;
  /** An `uncertain` row younger than this is left alone (the vendor may still be processing it). */
  settleMs?: number;
  /** How long the lease is held at most (a crashed holder frees it after this). */
  leaseMs?: number;
}

export const DEFAULT_SETTLE_MS = 10_000;
export const DEFAULT_LEASE_MS = 5 * 60_000;

export interface ReconcileCounts {
  examined: number;
  adopted: number;
  recreated: number;
  refreshed: number;
  failed: number;
  needsAttention: number;
}

export interface ReconcileReport extends ReconcileCounts {
  organizationId: string;
  /** false: another instance holds this organization's lease. */
  ran: boolean;
  runId: string | null;
  error: string | null;
}

export interface NeedsAttentionItem {
  type: "account" | "department" | "operator";
  id: string;
  name: string;
  state: ProvisioningState;
  lastError: ProvisioningErrorInfo | null;
  updatedAt: Date;
}

const SYSTEM = (organizationId: string): ProvisioningScope => ({ organizationId, actorUserId: null });

/** An update/delete whose outcome is unknown (timeout, lost connection, 5xx): the vendor may have applied it. */
function uncertainOutcome(info: ProvisioningErrorInfo | null): boolean {
  if (!info) return false;
  return info.kind === "ambiguous" || (info.kind === "unavailable" && (info.status ?? 0) >= 500);
}

/** Not applied, but not a refusal either (429, connection refused, circuit open): try again next run. */
function transient(error: unknown): boolean {
  return isProviderError(error) && error.kind === "unavailable";
}

// ---------------------------------------------------------------------------------------------
// Lease

async function acquireLease(db: Db, organizationId: string, holder: string, leaseMs: number): Promise<boolean> {
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

async function releaseLease(db: Db, organizationId: string, holder: string): Promise<void> {
  await db.delete(reconcilerLeases).where(and(eq(reconcilerLeases.organizationId, organizationId), eq(reconcilerLeases.holder, holder)));
}

// ---------------------------------------------------------------------------------------------
// Which rows need work

function staleOrUnsettled(table: typeof departments | typeof operators, graceMs: number, settleMs: number) {
  const now = Date.now();
  return or(
    and(eq(table.state, "uncertain"), lt(table.updatedAt, new Date(now - settleMs))),
    and(eq(table.state, "pending"), lt(table.updatedAt, new Date(now - graceMs))),
  );
}

/**
 * Claims a row for this run: the same condition it was selected by, re-checked atomically, so
 * only one caller (a user's retry, another instance) wins. The list is read AFTER the claim.
 */
async function claimDepartment(db: Db, row: Department, opts: Required<Pick<ReconcileOptions, "graceMs" | "settleMs">>): Promise<Department | null> {
  const [claimed] = await db
    .update(departments)
    .set({ state: "pending", updatedAt: new Date() })
    .where(and(eq(departments.id, row.id), isNull(departments.deletedAt), staleOrUnsettled(departments, opts.graceMs, opts.settleMs)))
    .returning();
  return claimed ?? null;
}

async function claimOperator(db: Db, row: Operator, opts: Required<Pick<ReconcileOptions, "graceMs" | "settleMs">>): Promise<Operator | null> {
  const [claimed] = await db
    .update(operators)
    .set({ state: "pending", updatedAt: new Date() })
    .where(and(eq(operators.id, row.id), staleOrUnsettled(operators, opts.graceMs, opts.settleMs)))
    .returning();
  return claimed ?? null;
}

// ---------------------------------------------------------------------------------------------
// Departments

async function reconcileDepartments(db: Db, provider: ChatProvider, organizationId: string, vendorAccountId: string, opts: Required<Pick<ReconcileOptions, "graceMs" | "settleMs">>, counts: ReconcileCounts): Promise<void> {
  const scope = SYSTEM(organizationId);
  const todo = await db
    .select()
    .from(departments)
    .where(and(eq(departments.organizationId, organizationId), isNull(departments.deletedAt), staleOrUnsettled(departments, opts.graceMs, opts.settleMs)));
  const toRefresh = (
    await db
      .select()
      .from(departments)
      .where(and(eq(departments.organizationId, organizationId), isNull(departments.deletedAt), eq(departments.state, "synced"), sql`${departments.lastError} is not null`))
  ).filter((d) => uncertainOutcome(d.lastError));
  if (todo.length === 0 && toRefresh.length === 0) return;
  counts.examined += todo.length + toRefresh.length;

  const claimed: Department[] = [];
  for (const row of todo) {
    const c = await claimDepartment(db, row, opts);
    if (c) claimed.push(c);
  }

  let remote: ProviderDepartment[];
  const listedAt = new Date();
  try {
    remote = await provider.listDepartments(vendorAccountId);
  } catch (error) {
    await releaseDepartments(db, claimed);
    throw error;
  }
  // Adopts same-name vendor records for claimed rows, refreshes synced ones, marks vanished ones deleted.
  await mergeRemote(db, organizationId, remote, listedAt);
  for (const d of toRefresh) {
    const [after] = await db.select().from(departments).where(eq(departments.id, d.id));
    if (after && (after.lastError === null || after.deletedAt !== null)) {
      counts.refreshed++;
      await audit(db, scope, { action: "department.reconcile", targetType: "department", targetId: d.id, result: "success", details: { outcome: after.deletedAt ? "deleted at vendor" : "refreshed" } });
    }
  }

  for (const row of claimed) {
    const [now] = await db.select().from(departments).where(eq(departments.id, row.id));
    if (!now) continue;
    if (now.state === "synced") {
      counts.adopted++;
      await audit(db, scope, { action: "department.reconcile", targetType: "department", targetId: row.id, result: "success", details: { outcome: "adopted", name: row.name, vendorId: now.vendorId } });
      continue;
    }
    // The list shows absence: create again, once.
    try {
      const { id: vendorId } = await provider.createDepartment(vendorAccountId, { name: row.name, active: row.active });
      await db.update(departments).set({ vendorId, state: "synced", lastError: null, updatedAt: new Date() }).where(eq(departments.id, row.id));
      counts.recreated++;
      await audit(db, scope, { action: "department.reconcile", targetType: "department", targetId: row.id, result: "success", details: { outcome: "recreated", name: row.name, vendorId } });
    } catch (error) {
      const info = errorInfo(error);
      const state = isUncertainCreate(error) || transient(error) ? "uncertain" : "failed";
      await db.update(departments).set({ state, lastError: info, updatedAt: new Date() }).where(eq(departments.id, row.id));
      if (state === "failed") counts.failed++;
      await audit(db, scope, { action: "department.reconcile", targetType: "department", targetId: row.id, result: state === "failed" ? "failure" : "uncertain", details: { outcome: "recreate failed", name: row.name, ...info } });
      if (transient(error)) return; // the vendor is not answering: the rest waits for the next run
    }
  }
}

async function releaseDepartments(db: Db, rows: Department[]): Promise<void> {
  for (const r of rows) {
    await db.update(departments).set({ state: "uncertain", updatedAt: new Date() }).where(and(eq(departments.id, r.id), eq(departments.state, "pending")));
  }
}

// ---------------------------------------------------------------------------------------------
// Operators

/** Local department ids for the vendor's ids, or null when one is not known locally. */
async function localDepartmentIds(db: Db, organizationId: string, vendorIds: string[]): Promise<string[] | null> {
  if (vendorIds.length === 0) return [];
  const rows = await db
    .select({ id: departments.id, vendorId: departments.vendorId })
    .from(departments)
    .where(and(eq(departments.organizationId, organizationId), inArray(departments.vendorId, vendorIds), isNull(departments.deletedAt)));
  return rows.length === new Set(vendorIds).size ? rows.map((r) => r.id) : null;
}

/**
 * Upsert backends: every claimed row (uncertain / stale pending) is settled by repeating its
 * upsert with the values it holds — a create when it has no vendor id yet, an update otherwise.
 * Synced rows whose last update had an unknown outcome get their stored values sent again.
 */
async function reconcileOperatorsByUpsert(db: Db, provider: ChatProvider, organizationId: string, vendorAccountId: string, claimed: Operator[], toRefresh: Operator[], counts: ReconcileCounts): Promise<void> {
  const scope = SYSTEM(organizationId);
  const payloadOf = async (row: Operator): Promise<OperatorInput> => ({
    name: row.name,
    active: row.active,
    departments: provider.capabilities.departments ? await vendorDepartmentIds(db, organizationId, row.departmentIds) : [],
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
      const info: ProvisioningErrorInfo = { at: new Date().toISOString(), kind: "rejected", reason: "a department of this operator no longer exists" };
      await db.update(operators).set({ state: "failed", lastError: info, updatedAt: new Date() }).where(eq(operators.id, row.id));
      counts.failed++;
      await audit(db, scope, { action: "operator.reconcile", targetType: "operator", targetId: row.id, result: "failure", details: { outcome: "not repeated", name: row.name, reason: info.reason } });
      continue;
    }
    try {
      const result = isCreate ? await provider.createOperator(vendorAccountId, payload) : await provider.updateOperator(vendorAccountId, row.vendorId!, payload);
      if (isCreate && known.has(result.id)) {
        // The provider answered a person another local operator already is: never two rows for one binding.
        const info: ProvisioningErrorInfo = { at: new Date().toISOString(), kind: "rejected", reason: "the same person as another operator of this organization" };
        await db.update(operators).set({ state: "failed", lastError: info, updatedAt: new Date() }).where(eq(operators.id, row.id));
        counts.failed++;
        await audit(db, scope, { action: "operator.reconcile", targetType: "operator", targetId: row.id, result: "failure", details: { outcome: "upsert repeated", name: row.name, reason: info.reason } });
        continue;
      }
      known.add(result.id);
      if (isCreate) await markSynced(db, row.id, result.id, result.accessToken);
      else await db.update(operators).set({ state: "synced", lastError: null, updatedAt: new Date() }).where(eq(operators.id, row.id));
      if (isCreate) counts.recreated++;
      else counts.refreshed++;
      await audit(db, scope, { action: "operator.reconcile", targetType: "operator", targetId: row.id, result: "success", details: { outcome: "upsert repeated", operation: isCreate ? "create" : "update", name: row.name, vendorId: result.id } });
    } catch (error) {
      const info = errorInfo(error);
      const state = isUncertainCreate(error) || transient(error) ? "uncertain" : "failed";
      await db.update(operators).set({ state, lastError: info, updatedAt: new Date() }).where(eq(operators.id, row.id));
      if (state === "failed") counts.failed++;
      await audit(db, scope, { action: "operator.reconcile", targetType: "operator", targetId: row.id, result: state === "failed" ? "failure" : "uncertain", details: { outcome: "upsert repeat failed", operation: isCreate ? "create" : "update", name: row.name, ...info } });
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
      // Refused now: the stored values stand as they were; the reason stays for the admin to see.
      await db.update(operators).set({ lastError: errorInfo(error) }).where(and(eq(operators.id, row.id), eq(operators.version, row.version)));
      counts.failed++;
      await audit(db, scope, { action: "operator.reconcile", targetType: "operator", targetId: row.id, result: "failure", details: { outcome: "upsert repeat failed", operation: "update", name: row.name, ...errorInfo(error) } });
      continue;
    }
    const [updated] = await db
      .update(operators)
      .set({ lastError: null, updatedAt: new Date() })
      .where(and(eq(operators.id, row.id), eq(operators.version, row.version)))
      .returning({ id: operators.id });
    if (updated) {
      counts.refreshed++;
      await audit(db, scope, { action: "operator.reconcile", targetType: "operator", targetId: row.id, result: "success", details: { outcome: "upsert repeated", operation: "update", name: row.name } });
    }
  }
}

async function reconcileOperators(db: Db, provider: ChatProvider, organizationId: string, vendorAccountId: string, opts: Required<Pick<ReconcileOptions, "graceMs" | "settleMs">>, counts: ReconcileCounts): Promise<void> {
  const scope = SYSTEM(organizationId);
  // Neither an idempotent upsert nor a list: nothing can be checked safely; the rows stay reported.
  if (!provider.capabilities.operatorUpsert && !provider.capabilities.listOperators) return;
  const todo = await db.select().from(operators).where(and(eq(operators.organizationId, organizationId), staleOrUnsettled(operators, opts.graceMs, opts.settleMs)));
  const toRefresh = (
    await db
      .select()
      .from(operators)
      .where(and(eq(operators.organizationId, organizationId), eq(operators.state, "synced"), sql`${operators.lastError} is not null`))
  ).filter((o) => uncertainOutcome(o.lastError));
  if (todo.length === 0 && toRefresh.length === 0) return;
  counts.examined += todo.length + toRefresh.length;

  const claimed: Operator[] = [];
  for (const row of todo) {
    const c = await claimOperator(db, row, opts);
    if (c) claimed.push(c);
  }

  if (provider.capabilities.operatorUpsert) {
    await reconcileOperatorsByUpsert(db, provider, organizationId, vendorAccountId, claimed, toRefresh, counts);
    return;
  }

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
    if (updated) {
      counts.refreshed++;
      await audit(db, scope, { action: "operator.reconcile", targetType: "operator", targetId: row.id, result: "success", details: { outcome: "refreshed", name: r.name } });
    }
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
      counts.adopted++;
      await audit(db, scope, { action: "operator.reconcile", targetType: "operator", targetId: row.id, result: "success", details: { outcome: "adopted", name: row.name, vendorId: match.id } });
      continue;
    }
    if (vendorDepartments === null) {
      const info: ProvisioningErrorInfo = { at: new Date().toISOString(), kind: "rejected", reason: "a department of this operator no longer exists" };
      await db.update(operators).set({ state: "failed", lastError: info, updatedAt: new Date() }).where(eq(operators.id, row.id));
      counts.failed++;
      await audit(db, scope, { action: "operator.reconcile", targetType: "operator", targetId: row.id, result: "failure", details: { outcome: "not recreated", name: row.name, reason: info.reason } });
      continue;
    }
    // Absent at the vendor: create again, once. The password is write-only (never stored), so
    // it cannot be re-sent; the operator logs in automatically (accessToken) or gets a new one.
    const payload: OperatorInput = { name: row.name, active: row.active, departments: vendorDepartments, isAdmin: row.isAdmin, ...(row.login ? { login: row.login } : {}) };
    try {
      const created = await provider.createOperator(vendorAccountId, payload);
      known.add(created.id);
      await markSynced(db, row.id, created.id, created.accessToken);
      counts.recreated++;
      await audit(db, scope, { action: "operator.reconcile", targetType: "operator", targetId: row.id, result: "success", details: { outcome: "recreated", name: row.name, vendorId: created.id } });
    } catch (error) {
      const info = errorInfo(error);
      const state = isUncertainCreate(error) || transient(error) ? "uncertain" : "failed";
      await db.update(operators).set({ state, lastError: info, updatedAt: new Date() }).where(eq(operators.id, row.id));
      if (state === "failed") counts.failed++;
      await audit(db, scope, { action: "operator.reconcile", targetType: "operator", targetId: row.id, result: state === "failed" ? "failure" : "uncertain", details: { outcome: "recreate failed", name: row.name, ...info } });
      if (transient(error)) {
        await releaseOperators(db, claimed.slice(claimed.indexOf(row) + 1));
        return;
      }
    }
  }
}

async function releaseOperators(db: Db, rows: Operator[]): Promise<void> {
  for (const r of rows) {
    await db.update(operators).set({ state: "uncertain", updatedAt: new Date() }).where(and(eq(operators.id, r.id), eq(operators.state, "pending")));
  }
}

// ---------------------------------------------------------------------------------------------
// Runs

/** What an admin must look at now: the account when not synced, rows not synced (after the grace period). */
export async function listNeedsAttention(db: Db, organizationId: string, graceMs: number = STALE_PENDING_MS): Promise<NeedsAttentionItem[]> {
  const items: NeedsAttentionItem[] = [];
  const account = await getVendorAccount(db, organizationId);
  if (account && (account.state === "uncertain" || account.state === "failed")) {
    items.push({ type: "account", id: organizationId, name: account.name, state: account.state, lastError: account.lastError, updatedAt: account.updatedAt });
  }
  const stale = new Date(Date.now() - graceMs);
  const notSynced = (table: typeof departments | typeof operators) => or(inArray(table.state, ["uncertain", "failed"]), and(eq(table.state, "pending"), lt(table.updatedAt, stale)));
  const depts = await db.select().from(departments).where(and(eq(departments.organizationId, organizationId), isNull(departments.deletedAt), notSynced(departments)));
  for (const d of depts) items.push({ type: "department", id: d.id, name: d.name, state: d.state, lastError: d.lastError, updatedAt: d.updatedAt });
  const ops = await db.select().from(operators).where(and(eq(operators.organizationId, organizationId), notSynced(operators)));
  for (const o of ops) items.push({ type: "operator", id: o.id, name: o.name, state: o.state, lastError: o.lastError, updatedAt: o.updatedAt });
  return items;
}

function describeError(error: unknown): string {
  if (isProviderError(error)) return `${error.kind}${error.status === undefined ? "" : ` ${error.status}`}${error.details.reason ? `: ${error.details.reason.slice(0, 200)}` : ""}`;
  return error instanceof Error ? error.name : "error";
}

/**
 * One reconciliation of one organization. Returns `ran: false` when another instance holds
 * the organization's lease. Vendor failures end the run early and are recorded, not thrown.
 */
export async function reconcileOrganization(db: Db, provider: ChatProvider, organizationId: string, options: ReconcileOptions = {}): Promise<ReconcileReport> {
  const holder = options.holder ?? INSTANCE_ID;
  const graceMs = options.graceMs ?? STALE_PENDING_MS;
  const settleMs = options.settleMs ?? DEFAULT_SETTLE_MS;
  const counts: ReconcileCounts = { examined: 0, adopted: 0, recreated: 0, refreshed: 0, failed: 0, needsAttention: 0 };
  if (!(await acquireLease(db, organizationId, holder, options.leaseMs ?? DEFAULT_LEASE_MS))) {
    return { organizationId, ran: false, runId: null, error: null, ...counts };
  }
  let error: string | null = null;
  let runId: string | null = null;
  try {
    const [run] = await db.insert(reconcilerRuns).values({ organizationId, holder, trigger: options.trigger ?? "schedule" }).returning({ id: reconcilerRuns.id });
    runId = run!.id;
    try {
      const account = await getVendorAccount(db, organizationId);
      if (account && account.state !== "synced") counts.examined++;
      if (account?.state === "synced" && account.vendorAccountId) {
        if (provider.capabilities.departments) await reconcileDepartments(db, provider, organizationId, account.vendorAccountId, { graceMs, settleMs }, counts);
        await reconcileOperators(db, provider, organizationId, account.vendorAccountId, { graceMs, settleMs }, counts);
      }
    } catch (e) {
      error = describeError(e);
    }
    counts.needsAttention = (await listNeedsAttention(db, organizationId, graceMs)).length;
    await db
      .update(reconcilerRuns)
      .set({ finishedAt: new Date(), ...counts, error })
      .where(eq(reconcilerRuns.id, runId));
  } finally {
    await releaseLease(db, organizationId, holder);
  }
  return { organizationId, ran: true, runId, error, ...counts };
}

/** Organizations with something to reconcile or report. */
export async function organizationsToReconcile(db: Db, graceMs: number = STALE_PENDING_MS): Promise<string[]> {
  const stale = new Date(Date.now() - graceMs);
  const open = (table: typeof departments | typeof operators) =>
    or(eq(table.state, "uncertain"), and(eq(table.state, "pending"), lt(table.updatedAt, stale)), and(eq(table.state, "synced"), sql`${table.lastError} is not null`));
  const ids = new Set<string>();
  for (const r of await db.selectDistinct({ id: departments.organizationId }).from(departments).where(and(isNull(departments.deletedAt), open(departments)))) ids.add(r.id);
  for (const r of await db.selectDistinct({ id: operators.organizationId }).from(operators).where(open(operators))) ids.add(r.id);
  for (const r of await db
    .select({ id: vendorAccounts.organizationId })
    .from(vendorAccounts)
    .where(or(eq(vendorAccounts.state, "uncertain"), and(eq(vendorAccounts.state, "pending"), lt(vendorAccounts.updatedAt, stale))))) {
    ids.add(r.id);
  }
  return [...ids];
}

/** One sweep over every organization that needs it (the background worker). */
export async function reconcileAll(db: Db, provider: ChatProvider, options: ReconcileOptions = {}): Promise<ReconcileReport[]> {
  const reports: ReconcileReport[] = [];
  for (const organizationId of await organizationsToReconcile(db, options.graceMs)) {
    reports.push(await reconcileOrganization(db, provider, organizationId, { trigger: "schedule", ...options }));
  }
  return reports;
}

export interface ReliabilityStatus {
  lastRun: ReconcilerRun | null;
  /** Totals of the organization's recorded runs. */
  totals: { runs: number; adopted: number; recreated: number; refreshed: number; failed: number };
  needsAttention: NeedsAttentionItem[];
}

export async function reliabilityStatus(db: Db, organizationId: string): Promise<ReliabilityStatus> {
  const [lastRun] = await db.select().from(reconcilerRuns).where(eq(reconcilerRuns.organizationId, organizationId)).orderBy(desc(reconcilerRuns.startedAt)).limit(1);
  const [totals] = await db
    .select({
      runs: sql<number>`count(*)::int`,
      adopted: sql<number>`coalesce(sum(${reconcilerRuns.adopted}), 0)::int`,
      recreated: sql<number>`coalesce(sum(${reconcilerRuns.recreated}), 0)::int`,
      refreshed: sql<number>`coalesce(sum(${reconcilerRuns.refreshed}), 0)::int`,
      failed: sql<number>`coalesce(sum(${reconcilerRuns.failed}), 0)::int`,
    })
    .from(reconcilerRuns)
    .where(eq(reconcilerRuns.organizationId, organizationId));
  return {
    lastRun: lastRun ?? null,
    totals: totals ?? { runs: 0, adopted: 0, recreated: 0, refreshed: 0, failed: 0 },
    needsAttention: await listNeedsAttention(db, organizationId),
  };
}
