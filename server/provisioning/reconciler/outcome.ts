/**
 * How a reconciler step records what happened to one row: the row's new state and reason, the
 * run's counts, and the audit entry (`department.reconcile` / `operator.reconcile`).
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { departments, operators, type ProvisioningErrorInfo } from "@/server/db/schema";
import type { ChatProvider } from "@/server/providers/types";
import { audit } from "../audit";
import { errorInfo, isUncertainCreate, type ProvisioningScope } from "../errors";
import { transient } from "./claims";
import type { ClaimTiming, ReconcileCounts } from "./types";

/** One organization's run: where it writes and what it counts. */
export interface RunContext {
  db: Db;
  provider: ChatProvider;
  organizationId: string;
  vendorAccountId: string;
  /** The reconciler acts as the system (no portal user). */
  scope: ProvisioningScope;
  timing: ClaimTiming;
  counts: ReconcileCounts;
}

export type RowKind = "department" | "operator";

/** A failed create or upsert: uncertain when the vendor may have applied it or may answer later, else failed. */
export function failureState(error: unknown): "uncertain" | "failed" {
  return isUncertainCreate(error) || transient(error) ? "uncertain" : "failed";
}

/** A refusal decided here, without asking the vendor. */
export function rejectedInfo(reason: string): ProvisioningErrorInfo {
  return { at: new Date().toISOString(), kind: "rejected", reason };
}

/** A row that did not settle: its state and reason written, a failure counted, the attempt audited. */
export async function recordOutcome(
  run: RunContext,
  kind: RowKind,
  id: string,
  outcome: { state: "uncertain" | "failed"; lastError: ProvisioningErrorInfo; details: Record<string, unknown> },
): Promise<void> {
  const set = { state: outcome.state, lastError: outcome.lastError, updatedAt: new Date() };
  if (kind === "department") await run.db.update(departments).set(set).where(eq(departments.id, id));
  else await run.db.update(operators).set(set).where(eq(operators.id, id));
  if (outcome.state === "failed") run.counts.failed++;
  await audit(run.db, run.scope, {
    action: `${kind}.reconcile`,
    targetType: kind,
    targetId: id,
    result: outcome.state === "failed" ? "failure" : "uncertain",
    details: outcome.details,
  });
}

/** A failed vendor call on a row: failed, or uncertain when the vendor may have applied it (`failureState`). */
export function recordFailure(
  run: RunContext,
  kind: RowKind,
  id: string,
  error: unknown,
  details: Record<string, unknown>,
): Promise<void> {
  const info = errorInfo(error);
  return recordOutcome(run, kind, id, {
    state: failureState(error),
    lastError: info,
    details: { ...details, ...info },
  });
}

/** A row refused here, without asking the vendor: failed with `reason`. */
export function recordRejected(
  run: RunContext,
  kind: RowKind,
  id: string,
  reason: string,
  details: Record<string, unknown>,
): Promise<void> {
  return recordOutcome(run, kind, id, {
    state: "failed",
    lastError: rejectedInfo(reason),
    details: { ...details, reason },
  });
}

/** A row settled (its write already done): counted under `count`, audited as a success. */
export async function recordSettled(
  run: RunContext,
  kind: RowKind,
  id: string,
  count: "adopted" | "recreated" | "refreshed",
  details: Record<string, unknown>,
): Promise<void> {
  run.counts[count]++;
  await audit(run.db, run.scope, {
    action: `${kind}.reconcile`,
    targetType: kind,
    targetId: id,
    result: "success",
    details,
  });
}
