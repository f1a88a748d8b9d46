/**
 * What the import worker does with one claimed row, decided without I/O: from the row, the
 * state of its operator record (if any), the error of a failed create, and the clock. The
 * worker (import-worker.ts) reads and writes; these functions only decide.
 */
import { DEFAULT_ROLE_CODES, roleFor } from "@/lib/validation/role-codes";
import { appErrorOf } from "@/server/errors";
import { jitteredBackoffMs } from "@/server/jobs/backoff";
import { providerErrorToAppCode } from "@/server/errors/vendor";
import { operatorFields } from "./operator-fields";
import type { ImportJobRow, Operator, ProvisioningErrorInfo } from "@/server/db/schema";
import { isProviderError } from "@/server/providers/errors";
import type { ChatProvider } from "@/server/providers/types";
import type { CreateOperatorInput } from "./operators";

/** The longest a row waits before it is looked at again while someone else resolves its record. */
export const RECHECK_MS = 5_000;

/** A row's outcome, as the queue records it. */
export type Outcome =
  /** `recorded`: the row was already marked done, by the statement that marked its record synced. */
  | { kind: "done"; recorded?: boolean }
  | { kind: "failed"; code: string; message: string | null }
  /** Back to the queue after `delayMs`; `counts: false` when it was only waiting for someone else. */
  | { kind: "later"; delayMs: number; code: string; message: string | null; counts: boolean };

/** A record that failed definitely: the worker drops it (a retry starts afresh) and reports its reason. */
export type DropFailed = { kind: "drop-failed" };

/** The next step for a row whose operator record exists (a resumed or retried row). */
export type RecordStep =
  | Outcome
  | DropFailed
  /** Stale pending on an upsert backend: turn it uncertain (atomically), then repeat the upsert. */
  | { kind: "repeat-upsert"; flipPending: boolean }
  /** A list backend: the reconciler's adopt-by-list resolves it. */
  | { kind: "reconcile" };

export interface RowTiming {
  /** A `pending` record younger than this may still have its create in flight. */
  graceMs: number;
  /** An `uncertain` record younger than this is left to settle. */
  settleMs: number;
}

const REJECTION_CODES: Record<string, string> = {
  unauthorized: "VENDOR_MISCONFIGURED",
  not_found: "VENDOR_NOT_FOUND",
  rejected: "VENDOR_REJECTED",
  ambiguous: "VENDOR_TIMEOUT",
  unavailable: "VENDOR_UNAVAILABLE",
};

/** The app code and vendor reason kept on an operator record's `lastError`. */
export function fromLastError(info: ProvisioningErrorInfo | null): { code: string; message: string | null } {
  if (!info) return { code: "VENDOR_REJECTED", message: null };
  const code =
    info.kind === "unavailable" && info.status === 429
      ? "VENDOR_RATE_LIMITED"
      : (REJECTION_CODES[info.kind] ?? "INTERNAL");
  return { code, message: info.reason ?? null };
}

/** A row's retry waits: 0.5 s, 1 s, 2 s … capped at 30 s (before jitter). */
const ROW_BACKOFF = { firstMs: 500, maxMs: 30_000 };

/** Exponential back-off with jitter (`random` in [0, 1)), or the vendor's Retry-After. */
export function backoffMs(attempts: number, retryAfterSeconds?: number, random: number = Math.random()): number {
  if (retryAfterSeconds !== undefined) return retryAfterSeconds * 1000;
  return jitteredBackoffMs(ROW_BACKOFF, attempts, random);
}

/** The create input for a row (its record id is the row's `operatorId`). */
export function importRowInput(
  row: Pick<ImportJobRow, "operatorId" | "values">,
  provider: { capabilities: Pick<ChatProvider["capabilities"], "operatorRoles">; roleCodes?: readonly string[] },
): CreateOperatorInput {
  const v = row.values;
  return {
    id: row.operatorId,
    name: v.name,
    isAdmin: v.isAdmin,
    departmentIds: v.departmentIds,
    ...(v.login ? { login: v.login } : {}),
    ...operatorFields(v),
    // Backends with roles: the CSV's admin column picks the administrator's code (first) or the default (last).
    ...(provider.capabilities.operatorRoles
      ? { roleCode: roleFor(v.isAdmin, provider.roleCodes ?? DEFAULT_ROLE_CODES) }
      : {}),
  };
}

/** The row's record exists: done, failed, wait for whoever may still be calling, or resolve it. */
export function stepForRecord(
  op: Pick<Operator, "state" | "updatedAt">,
  now: number,
  timing: RowTiming,
  capabilities: { operatorUpsert: boolean },
): RecordStep {
  if (op.state === "synced") return { kind: "done" };
  if (op.state === "failed") return { kind: "drop-failed" };
  const age = now - op.updatedAt.getTime();
  const wait = op.state === "pending" ? timing.graceMs - age : timing.settleMs - age;
  if (wait > 0) {
    // Someone may still be calling the vendor for it (another instance, the reconciler):
    // look again soon (capped, so a worker that takes over is not bound by a long wait).
    return {
      kind: "later",
      delayMs: Math.min(wait + 50, RECHECK_MS),
      code: "PROVISIONING_IN_PROGRESS",
      message: null,
      counts: false,
    };
  }
  // Repeating an idempotent upsert resolves the unknown outcome. A stale pending is first
  // turned uncertain — atomically, so only one caller gets to repeat it.
  if (capabilities.operatorUpsert) return { kind: "repeat-upsert", flipPending: op.state === "pending" };
  return { kind: "reconcile" };
}

/** Someone else turned the stale pending record first: wait for them. */
export function inProgress(timing: RowTiming): Outcome {
  return {
    kind: "later",
    delayMs: Math.min(timing.settleMs, RECHECK_MS),
    code: "PROVISIONING_IN_PROGRESS",
    message: null,
    counts: false,
  };
}

/**
 * A create failed: what it left behind decides (the record's state, else the error). `null`:
 * not a failure this worker knows how to record (the caller rethrows).
 */
export function stepAfterError(
  op: Pick<Operator, "state" | "lastError"> | null,
  error: unknown,
  timing: Pick<RowTiming, "settleMs">,
  attempts: number,
): Outcome | DropFailed | null {
  if (op) {
    if (op.state === "synced") return { kind: "done" }; // adopted after an unknown outcome
    if (op.state === "failed") return { kind: "drop-failed" };
    // uncertain (or pending): resolved once settled, never re-sent blindly.
    const { code, message } = isProviderError(error)
      ? { code: providerErrorToAppCode(error), message: error.details.reason ?? null }
      : fromLastError(op.lastError);
    return { kind: "later", delayMs: Math.min(timing.settleMs, RECHECK_MS), code, message, counts: true };
  }
  // No record: the vendor certainly did not create it.
  if (isProviderError(error)) {
    const code = providerErrorToAppCode(error);
    const message = error.details.reason ?? null;
    // 429, connection refused, circuit open: not applied, try again later.
    if (error.kind === "unavailable")
      return { kind: "later", delayMs: backoffMs(attempts, error.details.retryAfter), code, message, counts: true };
    return { kind: "failed", code, message };
  }
  const appCode = appErrorOf(error)?.info.code ?? null;
  if (appCode) return { kind: "failed", code: appCode, message: null };
  return null;
}

/** After the reconciler ran for the row's organization: `create` when its record is gone. */
export function stepAfterReconcile(
  after: Pick<Operator, "state" | "lastError"> | null,
  ran: boolean,
  timing: Pick<RowTiming, "settleMs">,
): Outcome | DropFailed | { kind: "create" } {
  if (!after) return { kind: "create" };
  if (after.state === "synced") return { kind: "done" };
  if (after.state === "failed") return { kind: "drop-failed" };
  const { code, message } = fromLastError(after.lastError);
  // Not resolved yet (another instance held the lease, or the list failed): later.
  return { kind: "later", delayMs: Math.min(timing.settleMs, RECHECK_MS), code, message, counts: ran };
}
