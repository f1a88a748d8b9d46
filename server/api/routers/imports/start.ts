/**
 * imports.start — re-validates the CSV on the server and writes a durable job with one row
 * per valid line; the import worker provisions them in the background. 0 valid rows → VALIDATION.
 */
import { ZImportStartInput } from "@/lib/validation/import";
import { adminProcedure } from "@/server/api/trpc";
import { startImport } from "@/server/provisioning/import-jobs";
import { kickImportWorker } from "@/server/provisioning/import-worker";
import { z } from "zod";

export const start = adminProcedure
  .input(ZImportStartInput)
  .output(z.object({ jobId: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const result = await startImport(ctx.db, ctx.provider.capabilities, ctx.scope, {
      csv: input.csv,
      fileName: input.fileName ?? null,
    });
    kickImportWorker();
    return result;
  });
