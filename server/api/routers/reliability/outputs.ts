/** Output shapes of the reliability procedures (no vendor tokens, no bodies). */
import { z } from "zod";
import type { ReconcileReport, ReliabilityStatus } from "@/server/provisioning";
import { ZErrorFacts, ZProvisioningState } from "@/server/api/outputs";

/** What a reconciliation run did: the same counts in a stored run and in a run just made. */
const ZRunCounts = z.object({
  examined: z.number(),
  adopted: z.number(),
  recreated: z.number(),
  refreshed: z.number(),
  failed: z.number(),
  needsAttention: z.number(),
  error: z.string().nullable(),
});

/** The counts alone, field by field (nothing else of the run leaves the server). */
function runCounts(r: z.infer<typeof ZRunCounts>): z.infer<typeof ZRunCounts> {
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

export const ZRunOutput = z.object({
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
  trigger: z.string(),
  ...ZRunCounts.shape,
});

export const ZStatusOutput = z.object({
  lastRun: ZRunOutput.nullable(),
  totals: z.object({
    runs: z.number(),
    adopted: z.number(),
    recreated: z.number(),
    refreshed: z.number(),
    failed: z.number(),
  }),
  needsAttention: z.array(
    z.object({
      type: z.enum(["account", "department", "operator"]),
      id: z.string(),
      name: z.string(),
      state: ZProvisioningState,
      lastError: ZErrorFacts,
      updatedAt: z.date(),
    }),
  ),
});
export type TStatusOutput = z.infer<typeof ZStatusOutput>;

export function statusOutput(s: ReliabilityStatus): TStatusOutput {
  const r = s.lastRun;
  return {
    lastRun: r ? { startedAt: r.startedAt, finishedAt: r.finishedAt, trigger: r.trigger, ...runCounts(r) } : null,
    totals: s.totals,
    needsAttention: s.needsAttention.map((i) => ({ ...i, lastError: i.lastError ?? null })),
  };
}

export const ZReconcileOutput = z.object({ ran: z.boolean(), ...ZRunCounts.shape });

export function reconcileOutput(r: ReconcileReport): z.infer<typeof ZReconcileOutput> {
  return { ran: r.ran, ...runCounts(r) };
}
