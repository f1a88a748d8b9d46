/**
 * The console's Precisa de atenção: across every organization, what failed or is in doubt —
 * chat accounts, departments and operators not synced (uncertain, failed, or pending for longer
 * than a create takes), imports with failed rows, webhook deliveries the processor gave up on —
 * and the staff actions on them. Every action goes through the same code the customer's side
 * uses (server/provisioning: provisionAccount, the reconciler, updateOperator, retryImportRows),
 * so it is idempotent and never makes a duplicate; each is audited as a staff action with its reason.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { AttentionKind } from "@/lib/validation/console-customers";
import { stepsFor } from "@/lib/onboarding/steps";
import { auditStaffAction } from "@/server/audit/staff";
import type { Db } from "@/server/db/client";
import {
  departments,
  importJobs,
  operators,
  vendorAccounts,
  webhookDeliveries,
  type ProvisioningErrorInfo,
} from "@/server/db/schema";
import { appError } from "@/server/errors";
import { completeStep, getOnboarding } from "@/server/onboarding/state";
import type { ChatProvider } from "@/server/providers/types";
import { getVendorAccount, provisionAccount, reconcileOrganization, updateOperator } from "@/server/provisioning";
import { STALE_PENDING_MS } from "@/server/provisioning/accounts";
import { retryImportRows } from "@/server/provisioning/import-jobs";
import { WEBHOOK_MAX_ATTEMPTS } from "@/server/webhooks/processor";

/** Why an item needs attention, as facts the page turns into words (never raw vendor text). */
export type AttentionReason =
  | { kind: "provider"; failure: string; status: number | null }
  | { kind: "stuck" }
  | { kind: "import"; failedRows: number; code: string | null }
  | { kind: "webhook"; attempts: number };

export interface AttentionItem {
  kind: AttentionKind;
  /** The organization (account), department, operator, import job or delivery. */
  id: string;
  organizationId: string;
  organizationName: string;
  /** The account's, department's or operator's name; the import's file; the delivery's event. */
  name: string;
  state: "failed" | "uncertain" | "pending" | null;
  reason: AttentionReason;
  /** Since when it has been like this (the row's last change). */
  since: Date;
  /** What staff can do about it here. */
  actions: Array<"retry" | "resolve">;
}

type Raw = {
  kind: AttentionKind;
  id: string;
  organization_id: string;
  organization_name: string;
  name: string | null;
  state: string | null;
  last_error: ProvisioningErrorInfo | null;
  failed_rows: number | null;
  error_code: string | null;
  attempts: number | null;
  since: Date | string;
};

/** Every item, oldest first (what waited longest comes first), at most `limit`. */
export async function listAttention(db: Db, opts: { limit?: number; now?: Date } = {}): Promise<AttentionItem[]> {
  const stale = new Date((opts.now ?? new Date()).getTime() - STALE_PENDING_MS).toISOString();
  const notSynced = (t: string) =>
    sql.raw(`(${t}.state in ('failed', 'uncertain') or (${t}.state = 'pending' and ${t}.updated_at < `);
  const result = await db.execute<Raw>(sql`
    select * from (
      select 'account' as kind, va.organization_id as id, va.organization_id, o.name as organization_name,
             va.name, va.state::text as state, va.last_error, null::int as failed_rows, null as error_code,
             null::int as attempts, va.updated_at as since
      from vendor_accounts va join organizations o on o.id = va.organization_id
      where ${notSynced("va")}${stale}::timestamptz))
      union all
      select 'department', d.id, d.organization_id, o.name, d.name, d.state::text, d.last_error, null, null, null, d.updated_at
      from departments d join organizations o on o.id = d.organization_id
      where d.state <> 'synced' and d.deleted_at is null and ${notSynced("d")}${stale}::timestamptz))
      union all
      select 'operator', op.id, op.organization_id, o.name, op.name, op.state::text, op.last_error, null, null, null, op.updated_at
      from operators op join organizations o on o.id = op.organization_id
      where op.state <> 'synced' and ${notSynced("op")}${stale}::timestamptz))
      union all
      select 'import', j.id, j.organization_id, o.name, j.file_name, null, null, f.failed_rows, f.error_code, null, f.last_failure
      from import_jobs j join organizations o on o.id = j.organization_id
      cross join lateral (
        select count(*)::int as failed_rows, max(r.finished_at) as last_failure, mode() within group (order by r.error_code) as error_code
        from import_job_rows r
        where r.job_id = j.id and r.state = 'failed'
          and (j.failures_resolved_at is null or r.finished_at > j.failures_resolved_at)
      ) f
      where f.failed_rows > 0
      union all
      select 'webhook', w.id, w.organization_id, o.name, w.event, null, null, null, null, w.attempts, w.received_at
      from webhook_deliveries w join organizations o on o.id = w.organization_id
      where w.processed_at is null and w.attempts >= ${WEBHOOK_MAX_ATTEMPTS}
    ) items
    order by since asc, id asc
    limit ${opts.limit ?? 200}`);
  const rows = (result as unknown as { rows: Raw[] }).rows;
  return rows.map((r): AttentionItem => {
    const since = r.since instanceof Date ? r.since : new Date(r.since);
    const base = {
      kind: r.kind,
      id: r.id,
      organizationId: r.organization_id,
      organizationName: r.organization_name,
      since,
    };
    if (r.kind === "import") {
      return {
        ...base,
        name: r.name ?? "",
        state: null,
        reason: { kind: "import", failedRows: Number(r.failed_rows ?? 0), code: r.error_code },
        actions: ["retry", "resolve"],
      };
    }
    if (r.kind === "webhook") {
      return {
        ...base,
        name: r.name ?? "",
        state: null,
        reason: { kind: "webhook", attempts: Number(r.attempts ?? 0) },
        actions: ["retry", "resolve"],
      };
    }
    const state = r.state as "failed" | "uncertain" | "pending";
    return {
      ...base,
      name: r.name ?? "",
      state,
      reason:
        state === "pending" || !r.last_error
          ? { kind: "stuck" }
          : { kind: "provider", failure: r.last_error.kind, status: r.last_error.status ?? null },
      actions: ["retry"],
    };
  });
}

export interface StaffActor {
  userId: string;
}

/** The organization an item belongs to (NOT_FOUND when there is no such item). */
async function organizationOf(
  db: Db,
  kind: AttentionKind,
  id: string,
): Promise<{ organizationId: string; name: string }> {
  const pick = async (rows: Array<{ organizationId: string; name: string | null }>) => {
    const row = rows[0];
    if (!row) throw appError("NOT_FOUND");
    return { organizationId: row.organizationId, name: row.name ?? "" };
  };
  switch (kind) {
    case "account":
      return pick(
        await db
          .select({ organizationId: vendorAccounts.organizationId, name: vendorAccounts.name })
          .from(vendorAccounts)
          .where(eq(vendorAccounts.organizationId, id)),
      );
    case "department":
      return pick(
        await db
          .select({ organizationId: departments.organizationId, name: departments.name })
          .from(departments)
          .where(and(eq(departments.id, id), isNull(departments.deletedAt))),
      );
    case "operator":
      return pick(
        await db
          .select({ organizationId: operators.organizationId, name: operators.name })
          .from(operators)
          .where(eq(operators.id, id)),
      );
    case "import":
      return pick(
        await db
          .select({ organizationId: importJobs.organizationId, name: importJobs.fileName })
          .from(importJobs)
          .where(eq(importJobs.id, id)),
      );
    case "webhook":
      return pick(
        await db
          .select({ organizationId: webhookDeliveries.organizationId, name: webhookDeliveries.event })
          .from(webhookDeliveries)
          .where(eq(webhookDeliveries.id, id)),
      );
  }
}

export type AttentionOutcome = "resolved" | "still_open" | "requeued" | "nothing_to_do";

/**
 * "Tentar de novo": the item's own retry path. Account: the create sent again only when the
 * account is failed or uncertain (provisionAccount's claim: concurrent retries make one call; an
 * uncertain account is re-sent as the customer's explicit confirmation would). Department or
 * operator: a reconciler run for the organization (claims the row, reads the vendor's list, adopts
 * or re-creates once) — or, for an operator the vendor refused on an upsert backend, the update
 * repeated with the row's own values. Import: its failed rows back in the queue. Webhook: the
 * delivery's tries reset, so the processor takes it again.
 */
export async function retryAttentionItem(
  db: Db,
  provider: ChatProvider,
  staff: StaffActor,
  input: { kind: AttentionKind; id: string; reason: string },
  opts: { publicUrl?: string } = {},
): Promise<{ outcome: AttentionOutcome; organizationId: string }> {
  const { organizationId, name } = await organizationOf(db, input.kind, input.id);
  const scope = { organizationId, actorUserId: staff.userId };
  let outcome: AttentionOutcome;
  let failure: unknown = null;
  try {
    outcome = await retry(db, provider, scope, input.kind, input.id, opts);
  } catch (error) {
    outcome = "still_open";
    failure = error;
  }
  await auditStaffAction(db, {
    organizationId,
    staffUserId: staff.userId,
    action: "staff.retry",
    targetType: input.kind,
    targetId: input.id,
    reason: input.reason,
    result: outcome === "still_open" ? "failure" : "success",
    details: { name, outcome },
  });
  if (failure) throw failure;
  return { outcome, organizationId };
}

async function retry(
  db: Db,
  provider: ChatProvider,
  scope: { organizationId: string; actorUserId: string },
  kind: AttentionKind,
  id: string,
  opts: { publicUrl?: string },
): Promise<AttentionOutcome> {
  const { organizationId } = scope;
  switch (kind) {
    case "account": {
      const existing = await getVendorAccount(db, organizationId);
      if (!existing || existing.state === "synced") return "nothing_to_do";
      const wizard = await getOnboarding(db, organizationId);
      const row = await provisionAccount(
        db,
        provider,
        scope,
        {
          name: wizard.data.companyName ?? existing.name,
          sessionName: wizard.data.sessionName ?? existing.sessionName ?? undefined,
        },
        { publicUrl: opts.publicUrl, confirmRetry: true },
      );
      if (row.state !== "synced") return "still_open";
      await completeStep(db, organizationId, "company", {}, stepsFor(provider.capabilities));
      return "resolved";
    }
    case "department":
    case "operator": {
      const table = kind === "department" ? departments : operators;
      const [before] = await db
        .select({ state: table.state, version: table.version })
        .from(table)
        .where(eq(table.id, id));
      if (!before || before.state === "synced") return "nothing_to_do";
      if (kind === "operator" && before.state === "failed" && provider.capabilities.operatorUpsert) {
        const row = await updateOperator(db, provider, scope, { id, version: before.version });
        return row.state === "synced" ? "resolved" : "still_open";
      }
      // settleMs 0: an uncertain row is looked up now; a pending one only once it is stale (a create in flight is never raced).
      await reconcileOrganization(db, provider, organizationId, { trigger: "staff", settleMs: 0 });
      const [after] = await db.select({ state: table.state }).from(table).where(eq(table.id, id));
      return !after || after.state === "synced" ? "resolved" : "still_open";
    }
    case "import": {
      const { requeued } = await retryImportRows(db, organizationId, { jobId: id });
      return requeued > 0 ? "requeued" : "nothing_to_do";
    }
    case "webhook": {
      const reset = await db
        .update(webhookDeliveries)
        .set({ attempts: 0 })
        .where(and(eq(webhookDeliveries.id, id), isNull(webhookDeliveries.processedAt)))
        .returning({ id: webhookDeliveries.id });
      return reset.length ? "requeued" : "nothing_to_do";
    }
  }
}

/**
 * "Marcar como resolvido", for what is not a provisioning state: an import's failed rows (they
 * stay failed, and stop showing here until a new failure) or a webhook delivery the processor gave
 * up on (marked processed without a projection). Provisioning rows are resolved only by the state
 * machine itself (retry), never by staff declaring them synced.
 */
export async function resolveAttentionItem(
  db: Db,
  staff: StaffActor,
  input: { kind: AttentionKind; id: string; reason: string },
): Promise<{ outcome: AttentionOutcome; organizationId: string }> {
  if (input.kind !== "import" && input.kind !== "webhook") throw appError("NOT_SUPPORTED");
  const { organizationId, name } = await organizationOf(db, input.kind, input.id);
  return db.transaction(async (tx) => {
    const changed =
      input.kind === "import"
        ? await tx
            .update(importJobs)
            .set({ failuresResolvedAt: new Date(), updatedAt: new Date() })
            .where(eq(importJobs.id, input.id))
            .returning({ id: importJobs.id })
        : await tx
            .update(webhookDeliveries)
            .set({ processedAt: new Date(), summary: { resolvedByStaff: true } })
            .where(and(eq(webhookDeliveries.id, input.id), isNull(webhookDeliveries.processedAt)))
            .returning({ id: webhookDeliveries.id });
    const outcome: AttentionOutcome = changed.length ? "resolved" : "nothing_to_do";
    await auditStaffAction(tx as unknown as Db, {
      organizationId,
      staffUserId: staff.userId,
      action: "staff.resolve",
      targetType: input.kind,
      targetId: input.id,
      reason: input.reason,
      details: { name, outcome },
    });
    return { outcome, organizationId };
  });
}
