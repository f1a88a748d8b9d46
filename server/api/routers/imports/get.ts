/** imports.get — a job's progress (done / failed / remaining) and its failed rows; polled by the page. */
import { ZImportJobInput } from "@/lib/validation/import";
import { adminProcedure } from "@/server/api/trpc";
import { getImportJob } from "@/server/provisioning/import-jobs";
import { ZImportJobDetail } from "./outputs";

export const get = adminProcedure
  .input(ZImportJobInput)
  .output(ZImportJobDetail)
  .query(({ ctx, input }) => getImportJob(ctx.db, ctx.org.id, input.jobId));
