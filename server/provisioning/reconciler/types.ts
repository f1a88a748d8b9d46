/** The reconciler's options, counts and report (see ./index.ts for what a run does). */
import type { ProvisioningErrorInfo, ProvisioningState } from "@/server/db/schema";

export interface ReconcileOptions {
  /** Who holds the lease (default: this process). */
  holder?: string;
  trigger?: "schedule" | "manual" | "suspension" | "staff";
  /** A `pending` row older than this belongs to a call that died. */
  graceMs?: number;
  /** An `uncertain` row younger than this is left alone (the vendor may still be processing it). */
  settleMs?: number;
  /** How long the lease is held at most (a crashed holder frees it after this). */
  leaseMs?: number;
}

export const DEFAULT_SETTLE_MS = 10_000;
export const DEFAULT_LEASE_MS = 5 * 60_000;

/** When a row needs work: `pending` older than `graceMs`, `uncertain` older than `settleMs`. */
export type ClaimTiming = Required<Pick<ReconcileOptions, "graceMs" | "settleMs">>;

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

/** What a run did, field by field and nothing else (for the reliability page and the worker's log). */
export function runOutcome(r: ReconcileCounts & { error: string | null }): ReconcileCounts & { error: string | null } {
  return {
    examined: r.examined,
    adopted: r.adopted,
    recreated: r.recreated,
    refreshed: r.refreshed,
    failed: r.failed,
    needsAttention: r.needsAttention,
    error: r.error,
  };
}
