/**
 * imports.preview — the CSV checked against the organization's departments and operators:
 * per-row errors before anything is sent. No side effects (a mutation only because the body
 * is large).
 */
import { ZImportPreviewInput } from "@/lib/validation/import";
import { adminProcedure } from "@/server/api/trpc";
import { previewImport } from "@/server/provisioning/import-jobs";
import { ZImportPreviewOutput } from "./outputs";

export const preview = adminProcedure
  .input(ZImportPreviewInput)
  .output(ZImportPreviewOutput)
  .mutation(({ ctx, input }) => previewImport(ctx.db, ctx.provider.capabilities, ctx.org.id, input.csv));
