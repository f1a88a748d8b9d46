/** Output shapes of the reliability procedures (no vendor tokens, no bodies). */
import { z } from "zod";
import { runOutcome, type ReconcileReport, type ReliabilityStatus } from "@/server/provisioning";
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
    lastRun: r ? { startedAt: r.startedAt, finishedAt: r.finishedAt, trigger: r.trigger, ...runOutcome(r) } : null,
    totals: s.totals,
    needsAttention: s.needsAttention.map((i) => ({ ...i, lastError: i.lastError ?? null })),
  };
}

export const ZReconcileOutput = z.object({ ran: z.boolean(), ...ZRunCounts.shape });

export function reconcileOutput(r: ReconcileReport): z.infer<typeof ZReconcileOutput> {
  return { ran: r.ran, ...runOutcome(r) };
}
