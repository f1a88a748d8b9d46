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
import { and, eq } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { importJobRows, operators, type ImportJobRow, type Operator } from "@/server/db/schema";
import { holderId } from "@/server/jobs/lease";
import { limitProviderCalls } from "@/server/providers/limit-calls";
import type { ChatProvider } from "@/server/providers/types";
import { STALE_PENDING_MS } from "./accounts";
import { ImportJobContexts, vendorDepartmentsOf } from "./import-context";
import { ImportQueue, type ClaimedRow } from "./import-queue";
import {
  backoffMs,
  fromLastError,
  importRowInput,
  inProgress,
  stepAfterError,
  stepAfterReconcile,
  stepForRecord,
  type Outcome,
  type RowTiming,
} from "./import-row";
import { createOperator } from "./operators";
import { DEFAULT_SETTLE_MS, reconcileOrganization } from "./reconciler";

export const DEFAULT_IMPORT_CONCURRENCY = 8;
export const DEFAULT_IMPORT_LEASE_MS = 2 * 60_000;
export const DEFAULT_IMPORT_POLL_MS = 2_000;
export const DEFAULT_IMPORT_MAX_ATTEMPTS = 5;

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

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
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
  private readonly timing: RowTiming;
  private readonly queue: ImportQueue;
  private readonly onError: (error: unknown) => void;
  private readonly inFlight = new Set<Promise<void>>();
  /** Ids of the rows in flight (their leases are renewed). */
  private readonly holding = new Set<string>();
  /** Rows in flight here, per job. */
  private readonly openByJob = new Map<string, number>();
  private readonly contexts: ImportJobContexts;
  private stopped = true;
  private loop: Promise<void> | null = null;
  private signal = deferred();

  constructor(options: ImportWorkerOptions) {
    this.db = options.db;
    this.instanceId = options.instanceId ?? holderId("import");
    this.concurrency = Math.max(1, options.concurrency ?? importConcurrencyFromEnv());
    this.rowSlots = this.concurrency * 2;
    this.provider = limitProviderCalls(options.provider, this.concurrency);
    this.leaseMs = options.leaseMs ?? DEFAULT_IMPORT_LEASE_MS;
    this.pollMs = options.pollMs ?? DEFAULT_IMPORT_POLL_MS;
    this.graceMs = options.graceMs ?? STALE_PENDING_MS;
    this.settleMs = options.settleMs ?? DEFAULT_SETTLE_MS;
    this.timing = { graceMs: this.graceMs, settleMs: this.settleMs };
    this.queue = new ImportQueue(
      this.db,
      this.instanceId,
      this.leaseMs,
      options.maxAttempts ?? DEFAULT_IMPORT_MAX_ATTEMPTS,
    );
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
    const renewal = setInterval(
      () => void this.queue.renew(this.holding).catch((error: unknown) => this.onError(error)),
      Math.max(50, Math.floor(this.leaseMs / 3)),
    );
    renewal.unref?.();
    try {
      await this.loopUntil(mode);
    } finally {
      clearInterval(renewal);
    }
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
          rows = await this.queue.claim(free);
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
        if (mode === "empty" && !(await this.queue.anyOpenRow())) return;
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
  // One row

  private async process(row: ClaimedRow): Promise<void> {
    let outcome: Outcome;
    try {
      outcome = await this.provision(row);
    } catch (error) {
      outcome = { kind: "later", delayMs: backoffMs(row.attempts), code: "INTERNAL", message: null, counts: true };
      this.onError(error);
    }
    let finished = false;
    try {
      finished = outcome.kind === "done" && outcome.recorded ? true : await this.queue.record(row, outcome);
    } finally {
      // While another row of the job is in flight here, the job cannot be complete yet: the
      // last of them to be recorded checks (rows of other instances check for themselves).
      const left = (this.openByJob.get(row.jobId) ?? 1) - 1;
      if (left > 0) this.openByJob.set(row.jobId, left);
      else this.openByJob.delete(row.jobId);
      if (finished && left === 0) await this.queue.finishJobIfComplete(row);
    }
  }

  private async operatorOf(row: ImportJobRow): Promise<Operator | null> {
    const [op] = await this.db.select().from(operators).where(eq(operators.id, row.operatorId));
    return op ?? null;
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
      const created = await createOperator(this.db, this.provider, scope, importRowInput(row, this.provider), {
        account: context.account,
        vendorDepartments: vendorDepartmentsOf(context, row.values.departmentIds),
        // The row is marked done by the statement that marks its record synced (while we hold its lease).
        alongsideSynced: (db) =>
          db
            .$with("import_row_done")
            .as(
              db
                .update(importJobRows)
                .set(this.queue.finishedValues(null))
                .where(this.queue.mine(row))
                .returning({ id: importJobRows.id }),
            ),
      });
      return { kind: "done", recorded: created.alongsideApplied === true };
    } catch (error) {
      const op = await this.operatorOf(row);
      const step = stepAfterError(op, error, this.timing, row.attempts);
      if (!step) throw error;
      return step.kind === "drop-failed" ? this.failedRecord(op!) : step;
    }
  }

  /** A record that failed definitely: nothing exists at the vendor. Report it and drop the record (a retry starts afresh). */
  private async failedRecord(op: Operator): Promise<Outcome> {
    await this.db.delete(operators).where(and(eq(operators.id, op.id), eq(operators.state, "failed")));
    return { kind: "failed", ...fromLastError(op.lastError) };
  }

  /** The row's record exists (a resumed or retried row). */
  private async resolve(row: ImportJobRow, op: Operator): Promise<Outcome> {
    const step = stepForRecord(op, Date.now(), this.timing, this.provider.capabilities);
    switch (step.kind) {
      case "drop-failed":
        return this.failedRecord(op);
      case "repeat-upsert": {
        if (step.flipPending) {
          const [flipped] = await this.db
            .update(operators)
            .set({ state: "uncertain", updatedAt: new Date() })
            .where(and(eq(operators.id, op.id), eq(operators.state, "pending"), eq(operators.updatedAt, op.updatedAt)))
            .returning({ id: operators.id });
          if (!flipped) return inProgress(this.timing);
        }
        return this.create(row);
      }
      case "reconcile":
        return this.reconcile(row);
      default:
        return step;
    }
  }

  /**
   * The reconciler's adopt-by-list: claims the organization's stale records, lists the
   * vendor's operators, adopts the matching one, re-creates only what the list shows absent.
   */
  private async reconcile(row: ImportJobRow): Promise<Outcome> {
    const report = await reconcileOrganization(this.db, this.provider, row.organizationId, {
      holder: this.instanceId,
      graceMs: this.graceMs,
      settleMs: this.settleMs,
      trigger: "schedule",
    });
    const after = await this.operatorOf(row);
    const step = stepAfterReconcile(after, report.ran, this.timing);
    if (step.kind === "create") return this.create(row);
    return step.kind === "drop-failed" ? this.failedRecord(after!) : step;
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
