/**
 * The CSV operator import's jobs: preview and start (the same validation as the page, on
 * our database's departments and operators), progress, and putting failed rows back in the
 * queue. The rows are provisioned by the import worker (./import-worker), one operator each
 * through `createOperator`.
 */
import { and, count, desc, eq, inArray, isNull, isNotNull, sql } from "drizzle-orm";
import { appError } from "@/server/errors";
import type { Db } from "@/server/db/client";
import {
  departments,
  importJobRows,
  importJobs,
  operators,
  type ImportJob,
  type ImportRowPayload,
} from "@/server/db/schema";
import type { ChatProviderCapabilities } from "@/server/providers/types";
import { previewOperatorsCsv, rowToValues, type ImportPreview } from "@/lib/import/operators-csv";
import { nameKey } from "@/lib/names";
import { requireSyncedAccount } from "./accounts";
import type { ProvisioningScope } from "./errors";

/** At most this many failed rows travel with a job's progress (the page polls it every second). */
export const FAILED_ROWS_SHOWN = 500;
/** How many jobs `listImportJobs` returns. */
export const JOBS_LISTED = 20;

export interface ImportJobSummary {
  id: string;
  status: "running" | "done";
  fileName: string | null;
  total: number;
  done: number;
  failed: number;
  remaining: number;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface ImportFailedRow {
  rowId: string;
  line: number;
  name: string;
  error: { code: string; message: string | null };
}

export interface ImportJobDetail extends ImportJobSummary {
  failedRows: ImportFailedRow[];
}

/** The organization's live, synced departments (what an import row may name). */
async function importDepartments(db: Db, organizationId: string): Promise<Array<{ id: string; name: string }>> {
  return db
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(
      and(
        eq(departments.organizationId, organizationId),
        isNull(departments.deletedAt),
        isNotNull(departments.vendorId),
      ),
    );
}

/** Validates a CSV against the organization's departments and operators. No side effects. */
export async function previewImport(
  db: Db,
  caps: ChatProviderCapabilities,
  organizationId: string,
  csv: string,
): Promise<ImportPreview> {
  const depts = caps.departments ? await importDepartments(db, organizationId) : [];
  const existing = await db
    .select({ name: operators.name, email: operators.email })
    .from(operators)
    .where(eq(operators.organizationId, organizationId));
  return previewOperatorsCsv(csv, {
    caps,
    departmentNames: depts.map((d) => d.name),
    existingNames: existing.map((o) => (caps.operatorEmail ? (o.email ?? "") : o.name)).filter(Boolean),
  });
}

/**
 * Re-validates the CSV and writes a job with one queued row per valid line (in one
 * transaction). Every row gets the id of the operator record it will create now, before
 * any vendor call. 0 valid rows (or a file error) → VALIDATION.
 */
export async function startImport(
  db: Db,
  caps: ChatProviderCapabilities,
  scope: ProvisioningScope,
  input: { csv: string; fileName?: string | null },
): Promise<{ jobId: string }> {
  await requireSyncedAccount(db, scope.organizationId);
  const preview = await previewImport(db, caps, scope.organizationId, input.csv);
  if (preview.fileErrors.length > 0 || preview.valid === 0) throw appError("VALIDATION", { field: "csv" });
  const depts = caps.departments ? await importDepartments(db, scope.organizationId) : [];
  const deptByKey = new Map(depts.map((d) => [nameKey(d.name), d.id]));
  const rows = preview.rows
    .filter((r) => r.errors.length === 0)
    .map((r) => {
      const v = rowToValues(r, caps);
      const payload: ImportRowPayload = {
        ...v,
        departmentIds: [...new Set(v.departmentNames.map((n) => deptByKey.get(nameKey(n))!))],
      };
      return { line: r.line, values: payload };
    });
  return db.transaction(async (tx) => {
    const [job] = await tx
      .insert(importJobs)
      .values({
        organizationId: scope.organizationId,
        createdBy: scope.actorUserId,
        fileName: input.fileName?.trim() || null,
        total: rows.length,
      })
      .returning({ id: importJobs.id });
    for (let i = 0; i < rows.length; i += 500) {
      await tx
        .insert(importJobRows)
        .values(
          rows
            .slice(i, i + 500)
            .map((r) => ({ jobId: job!.id, organizationId: scope.organizationId, line: r.line, values: r.values })),
        );
    }
    return { jobId: job!.id };
  });
}

async function countsOf(
  db: Db,
  jobIds: string[],
): Promise<Map<string, { done: number; failed: number; open: number }>> {
  const out = new Map<string, { done: number; failed: number; open: number }>();
  if (jobIds.length === 0) return out;
  const rows = await db
    .select({ jobId: importJobRows.jobId, state: importJobRows.state, n: count() })
    .from(importJobRows)
    .where(inArray(importJobRows.jobId, jobIds))
    .groupBy(importJobRows.jobId, importJobRows.state);
  for (const r of rows) {
    const c = out.get(r.jobId) ?? { done: 0, failed: 0, open: 0 };
    if (r.state === "done") c.done += r.n;
    else if (r.state === "failed") c.failed += r.n;
    else c.open += r.n;
    out.set(r.jobId, c);
  }
  return out;
}

function summary(job: ImportJob, c: { done: number; failed: number; open: number } | undefined): ImportJobSummary {
  const { done = 0, failed = 0, open = 0 } = c ?? {};
  return {
    id: job.id,
    // Derived from the rows: a job is done when no row is queued or running.
    status: open > 0 ? "running" : "done",
    fileName: job.fileName,
    total: job.total,
    done,
    failed,
    remaining: open,
    createdAt: job.createdAt,
    finishedAt: open > 0 ? null : (job.finishedAt ?? job.updatedAt),
  };
}

/** A job of the organization with its counts and failed rows; another organization's → NOT_FOUND. */
export async function getImportJob(db: Db, organizationId: string, jobId: string): Promise<ImportJobDetail> {
  const [job] = await db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.id, jobId), eq(importJobs.organizationId, organizationId)));
  if (!job) throw appError("NOT_FOUND");
  const counts = await countsOf(db, [job.id]);
  const failed = await db
    .select({
      id: importJobRows.id,
      line: importJobRows.line,
      values: importJobRows.values,
      errorCode: importJobRows.errorCode,
      errorMessage: importJobRows.errorMessage,
    })
    .from(importJobRows)
    .where(and(eq(importJobRows.jobId, job.id), eq(importJobRows.state, "failed")))
    .orderBy(importJobRows.line)
    .limit(FAILED_ROWS_SHOWN);
  return {
    ...summary(job, counts.get(job.id)),
    failedRows: failed.map((r) => ({
      rowId: r.id,
      line: r.line,
      name: r.values.email ? `${r.values.name} <${r.values.email}>` : r.values.name,
      error: { code: r.errorCode ?? "INTERNAL", message: r.errorMessage },
    })),
  };
}

/** The organization's most recent jobs. */
export async function listImportJobs(db: Db, organizationId: string): Promise<ImportJobSummary[]> {
  const jobs = await db
    .select()
    .from(importJobs)
    .where(eq(importJobs.organizationId, organizationId))
    .orderBy(desc(importJobs.createdAt))
    .limit(JOBS_LISTED);
  const counts = await countsOf(
    db,
    jobs.map((j) => j.id),
  );
  return jobs.map((j) => summary(j, counts.get(j.id)));
}

/** Failed rows back to the queue (one, or all of the job's); the job runs again. */
export async function retryImportRows(
  db: Db,
  organizationId: string,
  input: { jobId: string; rowId?: string },
): Promise<{ requeued: number }> {
  const [job] = await db
    .select({ id: importJobs.id })
    .from(importJobs)
    .where(and(eq(importJobs.id, input.jobId), eq(importJobs.organizationId, organizationId)));
  if (!job) throw appError("NOT_FOUND");
  if (input.rowId) {
    const [row] = await db
      .select({ id: importJobRows.id })
      .from(importJobRows)
      .where(and(eq(importJobRows.id, input.rowId), eq(importJobRows.jobId, job.id)));
    if (!row) throw appError("NOT_FOUND");
  }
  return db.transaction(async (tx) => {
    const requeued = await tx
      .update(importJobRows)
      .set({
        state: "queued",
        attempts: 0,
        errorCode: null,
        errorMessage: null,
        leaseOwner: null,
        leaseUntil: null,
        availableAt: sql`now()`,
        finishedAt: null,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(importJobRows.jobId, job.id),
          eq(importJobRows.state, "failed"),
          ...(input.rowId ? [eq(importJobRows.id, input.rowId)] : []),
        ),
      )
      .returning({ id: importJobRows.id });
    if (requeued.length > 0) {
      await tx
        .update(importJobs)
        .set({ status: "running", finishedAt: null, updatedAt: sql`now()` })
        .where(eq(importJobs.id, job.id));
    }
    return { requeued: requeued.length };
  });
}
