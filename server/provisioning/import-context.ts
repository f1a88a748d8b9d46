/**
 * What every row of an import job looks up and that does not change from row to row: the
 * job's author (the audit actor), the organization's synced vendor account and its departments'
 * vendor ids. Read once per job and kept for `ttlMs`, so a department deleted or an account
 * disconnected while the job runs is seen within that time.
 */
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { appError } from "@/server/errors";
import type { Db } from "@/server/db/client";
import { departments, importJobs } from "@/server/db/schema";
import { requireSyncedAccount } from "./accounts";
import type { KnownOperatorContext } from "./operators";

export const IMPORT_CONTEXT_TTL_MS = 2_000;

export interface ImportJobContext {
  actorUserId: string | null;
  account: KnownOperatorContext["account"];
  /** Local department id → vendor id, for the organization's live, synced departments. */
  vendorDepartmentIds: Map<string, string>;
}

/** The vendor ids of local department ids, as `vendorDepartmentIds` gives them (unknown → NOT_FOUND). */
export function vendorDepartmentsOf(context: ImportJobContext, ids: string[]): string[] {
  return [...new Set(ids)].map((id) => {
    const vendorId = context.vendorDepartmentIds.get(id);
    if (!vendorId) throw appError("NOT_FOUND", { field: "departmentIds" });
    return vendorId;
  });
}

export class ImportJobContexts {
  private readonly cache = new Map<string, { until: number; context: Promise<ImportJobContext> }>();

  constructor(
    private readonly db: Db,
    private readonly ttlMs = IMPORT_CONTEXT_TTL_MS,
  ) {}

  get(jobId: string, organizationId: string): Promise<ImportJobContext> {
    const now = Date.now();
    const hit = this.cache.get(jobId);
    if (hit && hit.until > now) return hit.context;
    for (const [id, entry] of this.cache) if (entry.until <= now) this.cache.delete(id);
    // One read for all the rows asking at once; a failed read is not kept.
    const context = this.load(jobId, organizationId);
    this.cache.set(jobId, { until: now + this.ttlMs, context });
    context.catch(() => {
      if (this.cache.get(jobId)?.context === context) this.cache.delete(jobId);
    });
    return context;
  }

  private async load(jobId: string, organizationId: string): Promise<ImportJobContext> {
    const [job] = await this.db
      .select({ createdBy: importJobs.createdBy })
      .from(importJobs)
      .where(eq(importJobs.id, jobId));
    const account = await requireSyncedAccount(this.db, organizationId);
    const depts = await this.db
      .select({ id: departments.id, vendorId: departments.vendorId })
      .from(departments)
      .where(
        and(
          eq(departments.organizationId, organizationId),
          isNull(departments.deletedAt),
          isNotNull(departments.vendorId),
        ),
      );
    return {
      actorUserId: job?.createdBy ?? null,
      account,
      vendorDepartmentIds: new Map(depts.map((d) => [d.id, d.vendorId!])),
    };
  }
}
