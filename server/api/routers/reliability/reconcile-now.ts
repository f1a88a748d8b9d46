/**
 * reliability.reconcileNow — runs the reconciler for the caller's organization now (uncertain
 * rows are taken at once, without the settle delay of the scheduled runs). `ran: false` when
 * another instance is reconciling this organization at this moment.
 */
import { adminProcedure } from "@/server/api/trpc";
import { reconcileOrganization } from "@/server/provisioning";
import { reconcileOutput, ZReconcileOutput } from "./outputs";

export const reconcileNow = adminProcedure
  .output(ZReconcileOutput)
  .mutation(async ({ ctx }) =>
    reconcileOutput(await reconcileOrganization(ctx.db, ctx.provider, ctx.org.id, { trigger: "manual", settleMs: 0 })),
  );
