/**
 * console.attention.retry — "Tentar de novo" on one item, through the customer side's own retry path
 * (server/console/attention.ts); audited as a staff action with the reason.
 */
import { z } from "zod";
import { ZAttentionActionInput } from "@/lib/validation/console-customers";
import { staffProcedure } from "@/server/api/trpc";
import { env } from "@/server/config/env";
import { retryAttentionItem } from "@/server/console/attention";
import { kickImportWorker } from "@/server/provisioning/import-worker";
import { kickWebhookProcessing } from "@/server/webhooks/worker";

export const ZAttentionActionOutput = z.object({
  outcome: z.enum(["resolved", "still_open", "requeued", "nothing_to_do"]),
});

export const retry = staffProcedure
  .input(ZAttentionActionInput)
  .output(ZAttentionActionOutput)
  .mutation(async ({ ctx, input }) => {
    const { outcome } = await retryAttentionItem(ctx.db, ctx.provider, ctx.staff, input, {
      publicUrl: process.env.PUBLIC_URL || env.PUBLIC_URL,
    });
    if (outcome === "requeued") {
      if (input.kind === "import") kickImportWorker();
      if (input.kind === "webhook") kickWebhookProcessing();
    }
    return { outcome };
  });
