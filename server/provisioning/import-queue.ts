/**
 * The import queue on `import_job_rows`: claims under a lease (server/jobs `claimDue`: a
 * `FOR UPDATE SKIP LOCKED` pick in one UPDATE … RETURNING), lease renewal, outcomes written only while the lease is
 * held, and the job marked done once no row of it is open. What to do with a claimed row is
 * the worker's (import-worker.ts) and import-row.ts's business.
 */
import { and, eq, inArray, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { importJobRows, importJobs, operators, type ImportJobRow } from "@/server/db/schema";
import { claimDue } from "@/server/jobs/claim";
import { leaseExpired, leaseExpiry, nowPlusMs } from "@/server/jobs/lease";
import type { Outcome } from "./import-row";

/** A claimed row; `hasRecord`: its operator record existed when it was claimed. */
export type ClaimedRow = ImportJobRow & { hasRecord: boolean };

export class ImportQueue {
  private readonly heartbeats = new Map<string, number>();

  constructor(
    private readonly db: Db,
    /** This worker as a lease holder. */
    readonly instanceId: string,
    /** How long a claimed row is this worker's. */
    private readonly leaseMs: number,
    /** Claims of one row before a still-unresolved row is marked failed. */
    private readonly maxAttempts: number,
  ) {}

  /** Extends the leases of the rows this worker holds. */
  async renew(holding: ReadonlySet<string>): Promise<void> {
    if (holding.size === 0) return;
    await this.db
      .update(importJobRows)
      .set({ leaseUntil: leaseExpiry(this.leaseMs) })
      .where(
        and(
          inArray(importJobRows.id, [...holding]),
          eq(importJobRows.state, "running"),
          eq(importJobRows.leaseOwner, this.instanceId),
        ),
      );
  }

  /** Whether any row of any job is still queued or running. */
  async anyOpenRow(): Promise<boolean> {
    const [row] = await this.db
      .select({ id: importJobRows.id })
      .from(importJobRows)
      .where(inArray(importJobRows.state, ["queued", "running"]))
      .limit(1);
    return Boolean(row);
  }

  async claim(limit: number): Promise<ClaimedRow[]> {
    const rows = await claimDue(
      this.db,
      {
        table: importJobRows,
        id: importJobRows.id,
        attempts: importJobRows.attempts,
        due: or(
          and(eq(importJobRows.state, "queued"), lte(importJobRows.availableAt, sql`now()`)),
          and(eq(importJobRows.state, "running"), leaseExpired(importJobRows.leaseUntil)),
        ),
        orderBy: [importJobRows.availableAt, importJobRows.line],
        lease: {
          state: "running",
          leaseOwner: this.instanceId,
          leaseUntil: leaseExpiry(this.leaseMs),
          updatedAt: sql`now()`,
        },
      },
      limit,
      {
        hasRecord: sql<boolean>`exists (select 1 from ${operators} where ${operators}.id = ${importJobRows}.operator_id)`,
      },
    );
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
      .set({
        leaseOwner: this.instanceId,
        leaseUntil: leaseExpiry(this.leaseMs),
        updatedAt: sql`now()`,
      })
      .where(inArray(importJobs.id, jobs));
  }

  mine(row: ImportJobRow) {
    return and(
      eq(importJobRows.id, row.id),
      eq(importJobRows.state, "running"),
      eq(importJobRows.leaseOwner, this.instanceId),
    );
  }

  /** Writes the row's outcome while we hold its lease; true when it marked the row done or failed. */
  async record(row: ImportJobRow, outcome: Outcome): Promise<boolean> {
    if (outcome.kind === "later" && (!outcome.counts || row.attempts < this.maxAttempts)) {
      await this.db
        .update(importJobRows)
        .set({
          state: "queued",
          leaseOwner: null,
          leaseUntil: null,
          availableAt: nowPlusMs(Math.max(0, Math.round(outcome.delayMs))),
          ...(outcome.counts
            ? { errorCode: outcome.code, errorMessage: outcome.message }
            : { attempts: sql`greatest(${importJobRows.attempts} - 1, 0)` }),
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
  finishedValues(failed: { code: string; message: string | null } | null) {
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
  async finishJobIfComplete(row: ImportJobRow): Promise<void> {
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
}
