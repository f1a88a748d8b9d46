/** imports.retryRow — one failed row back in the queue (its job runs again). */
import { z } from "zod";
import { ZImportRetryRowInput } from "@/lib/validation/import";
import { adminProcedure } from "@/server/api/trpc";
import { retryImportRows } from "@/server/provisioning/import-jobs";
import { kickImportWorker } from "@/server/provisioning/import-worker";

export const retryRow = adminProcedure
  .input(ZImportRetryRowInput)
  .output(z.object({ requeued: z.number() }))
  .mutation(async ({ ctx, input }) => {
    const result = await retryImportRows(ctx.db, ctx.org.id, { jobId: input.jobId, rowId: input.rowId });
    kickImportWorker();
    return result;
  });
