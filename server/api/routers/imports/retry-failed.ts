/** imports.retryFailed — every failed row of a job back in the queue (the job runs again). */
import { z } from "zod";
import { ZImportJobInput } from "@/lib/validation/import";
import { adminProcedure } from "@/server/api/trpc";
import { retryImportRows } from "@/server/provisioning/import-jobs";
import { kickImportWorker } from "@/server/provisioning/import-worker";

export const retryFailed = adminProcedure
  .input(ZImportJobInput)
  .output(z.object({ requeued: z.number() }))
  .mutation(async ({ ctx, input }) => {
    const result = await retryImportRows(ctx.db, ctx.org.id, { jobId: input.jobId });
    kickImportWorker();
    return result;
  });
