/** imports.list — the organization's 20 most recent import jobs (the page resumes the running one after a reload). */
import { z } from "zod";
import { ZImportListInput } from "@/lib/validation/import";
import { adminProcedure } from "@/server/api/trpc";
import { listImportJobs } from "@/server/provisioning/import-jobs";
import { ZImportJobSummary } from "./outputs";

export const list = adminProcedure
  .input(ZImportListInput)
  .output(z.array(ZImportJobSummary))
  .query(({ ctx }) => listImportJobs(ctx.db, ctx.org.id));
