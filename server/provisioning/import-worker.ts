/**
 * The import worker: provisions the rows of CSV import jobs, one operator each, through the
 * provisioning layer (`createOperator`: local record before the vendor call, audit entry,
 * pending → synced / failed / uncertain). Vendor-neutral: it knows the provider only as a
 * `ChatProvider` and reads its capabilities.
 *
 * Durable and safe on several instances at once:
 *  - rows are CLAIMED with a lease (`FOR UPDATE SKIP LOCKED` + one UPDATE … RETURNING): two
 *    workers never hold the same row; a crashed worker's rows are claimed again once their
 *    lease has expired;
 *  - every row carries the id of the operator record it creates, written with the job before
 *    any vendor call, and `createOperator` inserts the record with that id. A claimed row
 *    whose record exists is never sent again blindly: synced → done; failed → failed with
 *    the vendor's reason; pending/uncertain → resolved by the reconciler's adopt-by-list
 *    (or, on a backend whose create is an idempotent upsert, by repeating the upsert) — and
 *    only once the record is settled (a `pending` younger than `graceMs` may still have a
 *    call in flight somewhere);
 *  - outcomes are written only while this worker still holds the row's lease.
 * At most `concurrency` vendor calls are in flight per worker; twice as many rows, so that each
 * row's database work (claim, local record, audit, outcome) overlaps other rows' vendor calls.
 */
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { and, eq, getTableColumns, inArray, lt, lte, or, sql } from "drizzle-orm";
import { AppError, providerErrorToAppCode } from "@/server/api/errors";
import type { Db } from "@/server/db/client";
import { importJobRows, importJobs, operators, type ImportJobRow, type Operator, type ProvisioningErrorInfo } from "@/server/db/schema";
import { isProviderError } from "@/server/providers/errors";
import type { ChatProvider } from "@/server/providers/types";
import { STALE_PENDING_MS } from "./accounts";
import { ImportJobContexts, vendorDepartmentsOf } from "./import-context";
import { operatorFields } from "./operator-fields";
import { createOperator, type CreateOperatorInput } from "./operators";
import { DEFAULT_SETTLE_MS, reconcileOrganization } from "./reconciler";

export const DEFAULT_IMPORT_CONCURRENCY = 8;
export const DEFAULT_IMPORT_LEASE_MS = 2 * 60_000;
export const DEFAULT_IMPORT_POLL_MS = 2_000;
export const DEFAULT_IMPORT_MAX_ATTEMPTS = 5;
/** The longest a row waits before it is looked at again while someone else resolves its record. */
const RECHECK_MS = 5_000;

export interface ImportWorkerOptions {
  db: Db;
  provider: ChatProvider;
  /** This worker as a lease holder (default: host:pid:random). */
  instanceId?: string;
  /** Rows (vendor calls) in flight at once. Default: IMPORT_CONCURRENCY, else 8. */
  concurrency?: number;
  /** How long a claimed row is this worker's; must exceed the longest vendor call (with retries). */
  leaseMs?: number;
  /** How often an idle worker looks for rows (a kick wakes it at once). */
  pollMs?: number;
  /** A `pending` operator record younger than this may still have its create in flight. */
  graceMs?: number;
  /** An `uncertain` record younger than this is left to settle (the vendor may still be applying it). */
  settleMs?: number;
  /** Claims of one row before a still-unresolved row is marked failed. */
  maxAttempts?: number;
  /** Errors of the loop itself (the database unreachable…): reported, then retried after `pollMs`. */
  onError?: (error: unknown) => void;
}

/** IMPORT_CONCURRENCY from the environment (1–64), else 8. */
export function importConcurrencyFromEnv(e: NodeJS.ProcessEnv = process.env): number {
  const n = Number(e.IMPORT_CONCURRENCY);
  return Number.isInteger(n) && n >= 1 && n <= 64 ? n : DEFAULT_IMPORT_CONCURRENCY;
}

/** A claimed row; `hasRecord`: its operator record existed when it was claimed. */
type ClaimedRow = ImportJobRow & { hasRecord: boolean };

type Outcome =
  /** `recorded`: the row was already marked done, by the statement that marked its record synced. */
  | { kind: "done"; recorded?: boolean }
  | { kind: "failed"; code: string; message: string | null }
  /** Back to the queue after `delayMs`; `counts: false` when it was only waiting for someone else. */
  | { kind: "later"; delayMs: number; code: string; message: string | null; counts: boolean };

const REJECTION_CODES: Record<string, string> = {
  unauthorized: "VENDOR_MISCONFIGURED",
  not_found: "VENDOR_NOT_FOUND",
  rejected: "VENDOR_REJECTED",
  ambiguous: "VENDOR_TIMEOUT",
  unavailable: "VENDOR_UNAVAILABLE",
};

/** The app code and vendor reason kept on an operator record's `lastError`. */
function fromLastError(info: ProvisioningErrorInfo | null): { code: string; message: string | null } {
  if (!info) return { code: "VENDOR_REJECTED", message: null };
  const code = info.kind === "unavailable" && info.status === 429 ? "VENDOR_RATE_LIMITED" : (REJECTION_CODES[info.kind] ?? "INTERNAL");
  return { code, message: info.reason ?? null };
}

function appErrorCodeOf(error: unknown): string | null {
  const cause = error instanceof AppError ? error : error instanceof Error && error.cause instanceof AppError ? error.cause : null;
  return cause ? cause.info.code : null;
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** The provider with at most `limit` calls in flight at once: the worker's bound toward the vendor. */
export function limitProviderCalls(provider: ChatProvider, limit: number): ChatProvider {
  let active = 0;
  const waiting: Array<() => void> = [];
  const acquire = (): Promise<void> => {
    if (active < limit) {
      active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  return new Proxy(provider, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        await acquire();
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } finally {
          release();
        }
      };
    },
  });
}

export class ImportWorker {
  readonly instanceId: string;
  /** Vendor calls in flight at most. */
  readonly concurrency: number;
  /** Rows in flight at most. */
  readonly rowSlots: number;
  private readonly db: Db;
  private readonly provider: ChatProvider;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly graceMs: number;
  private readonly settleMs: number;
  private readonly maxAttempts: number;
  private readonly onError: (error: unknown) => void;
  private readonly inFlight = new Set<Promise<void>>();
  /** Ids of the rows in flight (their leases are renewed). */
  private readonly holding = new Set<string>();
  /** Rows in flight here, per job. */
  private readonly openByJob = new Map<string, number>();
  private readonly contexts: ImportJobContexts;
  private readonly heartbeats = new Map<string, number>();
  private stopped = true;
  private loop: Promise<void> | null = null;
  private signal = deferred();

  constructor(options: ImportWorkerOptions) {
    this.db = options.db;
    this.instanceId = options.instanceId ?? `import:${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
    this.concurrency = Math.max(1, options.concurrency ?? importConcurrencyFromEnv());
    this.rowSlots = this.concurrency * 2;
    this.provider = limitProviderCalls(options.provider, this.concurrency);
    this.leaseMs = options.leaseMs ?? DEFAULT_IMPORT_LEASE_MS;
    this.pollMs = options.pollMs ?? DEFAULT_IMPORT_POLL_MS;
    this.graceMs = options.graceMs ?? STALE_PENDING_MS;
    this.settleMs = options.settleMs ?? DEFAULT_SETTLE_MS;
    this.maxAttempts = options.maxAttempts ?? DEFAULT_IMPORT_MAX_ATTEMPTS;
    this.onError = options.onError ?? (() => undefined);
    this.contexts = new ImportJobContexts(this.db);
  }

  /** Runs until `stop()`: claims rows as slots free up, polls when idle. */
  start(): void {
    if (this.loop) return;
    this.stopped = false;
    this.loop = this.run("forever").finally(() => {
      this.loop = null;
    });
  }

  /** Look for rows now (e.g. right after a job was started). */
  kick(): void {
    const { resolve } = this.signal;
    this.signal = deferred();
    resolve();
  }

  /** Stops claiming and waits for the rows in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.kick();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
  }

  /**
   * Processes until no row is open any more (rows waiting for a back-off are waited for), or
   * with `untilIdle` until nothing can be claimed right now. For scripts and tests.
   */
  async drain(options: { untilIdle?: boolean } = {}): Promise<void> {
    this.stopped = false;
    try {
      await this.run(options.untilIdle ? "idle" : "empty");
    } finally {
      this.stopped = true;
    }
  }

  private async run(mode: "forever" | "idle" | "empty"): Promise<void> {
    // The leases of rows in flight are renewed while this worker lives: a slow vendor never
    // hands a row to another worker, a dead worker's rows are free again after `leaseMs`.
    const renewal = setInterval(() => void this.renew().catch((error: unknown) => this.onError(error)), Math.max(50, Math.floor(this.leaseMs / 3)));
    renewal.unref?.();
    try {
      await this.loopUntil(mode);
    } finally {
      clearInterval(renewal);
    }
  }

  private async renew(): Promise<void> {
    if (this.holding.size === 0) return;
    await this.db
      .update(importJobRows)
      .set({ leaseUntil: sql`now() + ${this.leaseMs} * interval '1 millisecond'` })
      .where(and(inArray(importJobRows.id, [...this.holding]), eq(importJobRows.state, "running"), eq(importJobRows.leaseOwner, this.instanceId)));
  }

  private async loopUntil(mode: "forever" | "idle" | "empty"): Promise<void> {
    while (!this.stopped) {
      // Taken before claiming, so a row finishing meanwhile still wakes the wait below.
      const signal = this.signal.promise;
      const free = this.rowSlots - this.inFlight.size;
      // Claim in batches while rows are in flight (one claim transaction serves several rows);
      // the rows already waiting for a vendor slot keep the vendor busy meanwhile.
      const minClaim = this.inFlight.size === 0 ? 1 : Math.max(1, Math.floor(this.rowSlots / 4));
      let claimed = 0;
      if (free >= minClaim) {
        let rows: ClaimedRow[];
        try {
          rows = await this.claim(free);
        } catch (error) {
          this.onError(error);
          if (mode !== "forever" && this.inFlight.size === 0) throw error;
          await this.wait(this.pollMs, signal);
          continue;
        }
        for (const row of rows) this.spawn(row);
        claimed = rows.length;
        if (claimed === free) continue; // more may be waiting
      }
      if (this.inFlight.size === 0) {
        if (mode === "idle") return;
        if (mode === "empty" && !(await this.anyOpenRow())) return;
      }
      // Until a row finishes (a slot frees up), a kick, or the poll interval.
      await this.wait(this.pollMs, signal);
    }
  }

  private wait(ms: number, signal: Promise<void>): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      void signal.then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private async anyOpenRow(): Promise<boolean> {
    const [row] = await this.db.select({ id: importJobRows.id }).from(importJobRows).where(inArray(importJobRows.state, ["queued", "running"])).limit(1);
    return Boolean(row);
  }

  private spawn(row: ClaimedRow): void {
    this.holding.add(row.id);
    this.openByJob.set(row.jobId, (this.openByJob.get(row.jobId) ?? 0) + 1);
    const p: Promise<void> = this.process(row)
      .catch((error: unknown) => this.onError(error))
      .finally(() => {
        this.holding.delete(row.id);
        this.inFlight.delete(p);
        this.kick();
      });
    this.inFlight.add(p);
  }

  // -------------------------------------------------------------------------------------------
  // Claims and outcomes

  private async claim(limit: number): Promise<ClaimedRow[]> {
    const claimable = or(
      and(eq(importJobRows.state, "queued"), lte(importJobRows.availableAt, sql`now()`)),
      and(eq(importJobRows.state, "running"), lt(importJobRows.leaseUntil, sql`now()`)),
    );
    const picked = this.db
      .select({ id: importJobRows.id })
      .from(importJobRows)
      .where(claimable)
      .orderBy(importJobRows.availableAt, importJobRows.line)
      .limit(limit)
      .for("update", { skipLocked: true });
    // One statement. `= any(array(…))` runs the pick once (an InitPlan), so at most `limit` rows
    // are taken — unlike `id in (select … limit n for update skip locked)`, which the planner may
    // re-run per row and take more than n.
    const rows = await this.db
      .update(importJobRows)
      .set({
        state: "running",
        leaseOwner: this.instanceId,
        leaseUntil: sql`now() + ${this.leaseMs} * interval '1 millisecond'`,
        attempts: sql`${importJobRows.attempts} + 1`,
        updatedAt: sql`now()`,
      })
      .where(sql`${importJobRows.id} = any(array(${picked}))`)
      .returning({ ...getTableColumns(importJobRows), hasRecord: sql<boolean>`exists (select 1 from ${operators} where ${operators}.id = ${importJobRows}.operator_id)` });
    await this.heartbeat(rows);
    return rows;
  }

  /** Marks on each job which instance works on it (informational; throttled). */
  private async heartbeat(rows: ImportJobRow[]): Promise<void> {
    const now = Date.now();
    const jobs = [...new Set(rows.map((r) => r.jobId))].filter((id) => (this.heartbeats.get(id) ?? 0) < now - 5_000);
    if (jobs.length === 0) return;
    for (const id of jobs) this.heartbeats.set(id, now);
    await this.db
      .update(importJobs)
      .set({ leaseOwner: this.instanceId, leaseUntil: sql`now() + ${this.leaseMs} * interval '1 millisecond'`, updatedAt: sql`now()` })
      .where(inArray(importJobs.id, jobs));
  }

  private mine(row: ImportJobRow) {
    return and(eq(importJobRows.id, row.id), eq(importJobRows.state, "running"), eq(importJobRows.leaseOwner, this.instanceId));
  }

  /** Writes the row's outcome while we hold its lease; true when it marked the row done or failed. */
  private async record(row: ImportJobRow, outcome: Outcome): Promise<boolean> {
    if (outcome.kind === "later" && (!outcome.counts || row.attempts < this.maxAttempts)) {
      await this.db
        .update(importJobRows)
        .set({
          state: "queued",
          leaseOwner: null,
          leaseUntil: null,
          availableAt: sql`now() + ${Math.max(0, Math.round(outcome.delayMs))} * interval '1 millisecond'`,
          ...(outcome.counts ? { errorCode: outcome.code, errorMessage: outcome.message } : { attempts: sql`greatest(${importJobRows.attempts} - 1, 0)` }),
          updatedAt: sql`now()`,
        })
        .where(this.mine(row));
      return false;
    }
    const [updated] = await this.db
      .update(importJobRows)
      .set(this.finishedValues(outcome.kind === "done" ? null : outcome))
      .where(this.mine(row))
      .returning({ id: importJobRows.id });
    return Boolean(updated); // false: the lease was lost, the new holder records the outcome
  }

  /** A row's final state: done, or failed with the code and the vendor's reason. */
  private finishedValues(failed: { code: string; message: string | null } | null) {
    return {
      state: failed ? ("failed" as const) : ("done" as const),
      leaseOwner: null,
      leaseUntil: null,
      errorCode: failed ? failed.code : null,
      errorMessage: failed ? failed.message : null,
      finishedAt: sql`now()`,
      updatedAt: sql`now()`,
    };
  }

  /**
   * Marks the job done when no row of it is open any more. Runs after our row's update has
   * committed, so that of two rows finishing at once the later check sees the other one done.
   */
  private async finishJobIfComplete(row: ImportJobRow): Promise<void> {
    await this.db
      .update(importJobs)
      .set({ status: "done", finishedAt: sql`now()`, updatedAt: sql`now()` })
      .where(
        and(
          eq(importJobs.id, row.jobId),
          eq(importJobs.status, "running"),
          sql`not exists (select 1 from ${importJobRows} where ${importJobRows.jobId} = ${row.jobId} and ${importJobRows.state} in ('queued', 'running'))`,
        ),
      );
  }

  // -------------------------------------------------------------------------------------------
  // One row

  private async process(row: ClaimedRow): Promise<void> {
    let outcome: Outcome;
    try {
      outcome = await this.provision(row);
    } catch (error) {
      outcome = { kind: "later", delayMs: this.backoff(row), code: "INTERNAL", message: null, counts: true };
      this.onError(error);
    }
    let finished = false;
    try {
      finished = outcome.kind === "done" && outcome.recorded ? true : await this.record(row, outcome);
    } finally {
      // While another row of the job is in flight here, the job cannot be complete yet: the
      // last of them to be recorded checks (rows of other instances check for themselves).
      const left = (this.openByJob.get(row.jobId) ?? 1) - 1;
      if (left > 0) this.openByJob.set(row.jobId, left);
      else this.openByJob.delete(row.jobId);
      if (finished && left === 0) await this.finishJobIfComplete(row);
    }
  }

  private backoff(row: ImportJobRow, retryAfterSeconds?: number): number {
    if (retryAfterSeconds !== undefined) return retryAfterSeconds * 1000;
    return Math.min(30_000, 500 * 2 ** Math.max(0, row.attempts - 1)) * (0.5 + Math.random() / 2);
  }

  private async operatorOf(row: ImportJobRow): Promise<Operator | null> {
    const [op] = await this.db.select().from(operators).where(eq(operators.id, row.operatorId));
    return op ?? null;
  }

  private input(row: ImportJobRow): CreateOperatorInput {
    const v = row.values;
    return {
      id: row.operatorId,
      name: v.name,
      isAdmin: v.isAdmin,
      departmentIds: v.departmentIds,
      ...(v.login ? { login: v.login } : {}),
      ...operatorFields(v),
      // Backends with roles: the CSV's admin column picks between the two basic roles.
      ...(this.provider.capabilities.operatorRoles ? { roleCode: v.isAdmin ? "ADMIN" : "AGENT" } : {}),
    };
  }

  private async provision(row: ClaimedRow): Promise<Outcome> {
    // Most rows are new: their record is read only when the claim saw one.
    const existing = row.hasRecord ? await this.operatorOf(row) : null;
    if (existing) return this.resolve(row, existing);
    return this.create(row);
  }

  /** No record yet: nothing was sent for this row. Create it (record first, then the vendor). */
  private async create(row: ImportJobRow): Promise<Outcome> {
    try {
      const context = await this.contexts.get(row.jobId, row.organizationId);
      const scope = { organizationId: row.organizationId, actorUserId: context.actorUserId };
      const created = await createOperator(this.db, this.provider, scope, this.input(row), {
        account: context.account,
        vendorDepartments: vendorDepartmentsOf(context, row.values.departmentIds),
        // The row is marked done by the statement that marks its record synced (while we hold its lease).
        alongsideSynced: (db) => db.$with("import_row_done").as(db.update(importJobRows).set(this.finishedValues(null)).where(this.mine(row)).returning({ id: importJobRows.id })),
      });
      return { kind: "done", recorded: created.alongsideApplied === true };
    } catch (error) {
      return this.afterError(row, error);
    }
  }

  /** What a failed create left behind decides: the record's state, else the error. */
  private async afterError(row: ImportJobRow, error: unknown): Promise<Outcome> {
    const op = await this.operatorOf(row);
    if (op) {
      if (op.state === "synced") return { kind: "done" }; // adopted after an unknown outcome
      if (op.state === "failed") return this.failedRecord(op);
      // uncertain (or pending): resolved once settled, never re-sent blindly.
      const { code, message } = isProviderError(error) ? { code: providerErrorToAppCode(error), message: error.details.reason ?? null } : fromLastError(op.lastError);
      return { kind: "later", delayMs: Math.min(this.settleMs, RECHECK_MS), code, message, counts: true };
    }
    // No record: the vendor certainly did not create it.
    if (isProviderError(error)) {
      const code = providerErrorToAppCode(error);
      const message = error.details.reason ?? null;
      // 429, connection refused, circuit open: not applied, try again later.
      if (error.kind === "unavailable") return { kind: "later", delayMs: this.backoff(row, error.details.retryAfter), code, message, counts: true };
      return { kind: "failed", code, message };
    }
    const appCode = appErrorCodeOf(error);
    if (appCode) return { kind: "failed", code: appCode, message: null };
    throw error;
  }

  /** A record that failed definitely: nothing exists at the vendor. Report it and drop the record (a retry starts afresh). */
  private async failedRecord(op: Operator): Promise<Outcome> {
    await this.db.delete(operators).where(and(eq(operators.id, op.id), eq(operators.state, "failed")));
    return { kind: "failed", ...fromLastError(op.lastError) };
  }

  /** The row's record exists (a resumed or retried row). */
  private async resolve(row: ImportJobRow, op: Operator): Promise<Outcome> {
    if (op.state === "synced") return { kind: "done" };
    if (op.state === "failed") return this.failedRecord(op);
    const age = Date.now() - op.updatedAt.getTime();
    const wait = op.state === "pending" ? this.graceMs - age : this.settleMs - age;
    if (wait > 0) {
      // Someone may still be calling the vendor for it (another instance, the reconciler):
      // look again soon (capped, so a worker that takes over is not bound by a long wait).
      return { kind: "later", delayMs: Math.min(wait + 50, RECHECK_MS), code: "PROVISIONING_IN_PROGRESS", message: null, counts: false };
    }
    if (this.provider.capabilities.operatorUpsert) {
      // Repeating an idempotent upsert resolves the unknown outcome. A stale pending is first
      // turned uncertain — atomically, so only one caller gets to repeat it.
      if (op.state === "pending") {
        const [flipped] = await this.db
          .update(operators)
          .set({ state: "uncertain", updatedAt: new Date() })
          .where(and(eq(operators.id, op.id), eq(operators.state, "pending"), eq(operators.updatedAt, op.updatedAt)))
          .returning({ id: operators.id });
        if (!flipped) return { kind: "later", delayMs: Math.min(this.settleMs, RECHECK_MS), code: "PROVISIONING_IN_PROGRESS", message: null, counts: false };
      }
      return this.create(row);
    }
    // The reconciler's adopt-by-list: claims the organization's stale records, lists the
    // vendor's operators, adopts the matching one, re-creates only what the list shows absent.
    const report = await reconcileOrganization(this.db, this.provider, row.organizationId, {
      holder: this.instanceId,
      graceMs: this.graceMs,
      settleMs: this.settleMs,
      trigger: "schedule",
    });
    const after = await this.operatorOf(row);
    if (!after) return this.create(row);
    if (after.state === "synced") return { kind: "done" };
    if (after.state === "failed") return this.failedRecord(after);
    const { code, message } = fromLastError(after.lastError);
    // Not resolved yet (another instance held the lease, or the list failed): later.
    return { kind: "later", delayMs: Math.min(this.settleMs, RECHECK_MS), code, message, counts: report.ran };
  }
}

// ---------------------------------------------------------------------------------------------
// The process-wide worker (server/background.ts)

// On globalThis: Next.js bundles instrumentation (which starts the worker) and the route
// handlers (which kick it) separately, so a module-level variable would not be shared.
const globalForImports = globalThis as unknown as { __portalImportWorker?: { kick(): void } | null };

export function setProcessImportWorker(worker: ImportWorker | null): void {
  globalForImports.__portalImportWorker = worker;
}

/** Wakes this process's worker (after imports.start / a retry); no-op when none runs here. */
export function kickImportWorker(): void {
  globalForImports.__portalImportWorker?.kick();
}
