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
 *
 * This file runs one organization (lease → run row → departments → operators → counts) and the
 * sweep; each step lives beside it: lease.ts, claims.ts, departments.ts, operators.ts
 * (operators-upsert.ts, operators-list.ts), outcome.ts (`recordOutcome`), read-model.ts.
 */
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { departments, operators, reconcilerRuns, vendorAccounts } from "@/server/db/schema";
import { isProviderError } from "@/server/providers/errors";
import type { ChatProvider } from "@/server/providers/types";
import { getVendorAccount, STALE_PENDING_MS } from "../accounts";
import { reconcileDepartments } from "./departments";
import { acquireLease, INSTANCE_ID, releaseLease } from "./lease";
import { reconcileOperators } from "./operators";
import { applySuspension, suspensionWorkPending } from "./suspension";
import type { RunContext } from "./outcome";
import { listNeedsAttention } from "./read-model";
import {
  DEFAULT_LEASE_MS,
  DEFAULT_SETTLE_MS,
  type ReconcileCounts,
  type ReconcileOptions,
  type ReconcileReport,
} from "./types";

export { INSTANCE_ID } from "./lease";
export { listNeedsAttention, reliabilityStatus, type ReliabilityStatus } from "./read-model";
export {
  runOutcome,
  DEFAULT_LEASE_MS,
  DEFAULT_SETTLE_MS,
  type NeedsAttentionItem,
  type ReconcileCounts,
  type ReconcileOptions,
  type ReconcileReport,
} from "./types";

function describeError(error: unknown): string {
  if (isProviderError(error))
    return `${error.kind}${error.status === undefined ? "" : ` ${error.status}`}${error.details.reason ? `: ${error.details.reason.slice(0, 200)}` : ""}`;
  return error instanceof Error ? error.name : "error";
}

/**
 * One reconciliation of one organization. Returns `ran: false` when another instance holds
 * the organization's lease. Vendor failures end the run early and are recorded, not thrown.
 */
export async function reconcileOrganization(
  db: Db,
  provider: ChatProvider,
  organizationId: string,
  options: ReconcileOptions = {},
): Promise<ReconcileReport> {
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
    const [run] = await db
      .insert(reconcilerRuns)
      .values({ organizationId, holder, trigger: options.trigger ?? "schedule" })
      .returning({ id: reconcilerRuns.id });
    runId = run!.id;
    try {
      const account = await getVendorAccount(db, organizationId);
      if (account && account.state !== "synced") counts.examined++;
      if (account?.state === "synced" && account.vendorAccountId) {
        const context: RunContext = {
          db,
          provider,
          organizationId,
          vendorAccountId: account.vendorAccountId,
          scope: { organizationId, actorUserId: null },
          timing: { graceMs, settleMs },
          counts,
        };
        if (provider.capabilities.departments) await reconcileDepartments(context);
        await reconcileOperators(context);
      }
      // A suspension (or its end) moves the operators after the doubtful ones were settled above.
      const suspension = await applySuspension(
        db,
        provider,
        organizationId,
        account?.state === "synced" ? account.vendorAccountId : null,
      );
      counts.examined += suspension.changed + suspension.remaining;
      if (suspension.error) error = `suspension: ${suspension.error}`;
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
    or(
      eq(table.state, "uncertain"),
      and(eq(table.state, "pending"), lt(table.updatedAt, stale)),
      and(eq(table.state, "synced"), sql`${table.lastError} is not null`),
    );
  const ids = new Set<string>();
  for (const r of await db
    .selectDistinct({ id: departments.organizationId })
    .from(departments)
    .where(and(isNull(departments.deletedAt), open(departments))))
    ids.add(r.id);
  for (const r of await db.selectDistinct({ id: operators.organizationId }).from(operators).where(open(operators)))
    ids.add(r.id);
  for (const r of await db
    .select({ id: vendorAccounts.organizationId })
    .from(vendorAccounts)
    .where(
      or(
        eq(vendorAccounts.state, "uncertain"),
        and(eq(vendorAccounts.state, "pending"), lt(vendorAccounts.updatedAt, stale)),
      ),
    )) {
    ids.add(r.id);
  }
  for (const id of await suspensionWorkPending(db)) ids.add(id);
  return [...ids];
}

/** One sweep over every organization that needs it (the background worker). */
export async function reconcileAll(
  db: Db,
  provider: ChatProvider,
  options: ReconcileOptions = {},
): Promise<ReconcileReport[]> {
  const reports: ReconcileReport[] = [];
  for (const organizationId of await organizationsToReconcile(db, options.graceMs)) {
    reports.push(await reconcileOrganization(db, provider, organizationId, { trigger: "schedule", ...options }));
  }
  return reports;
}
