/** departments.update — rename and/or (de)activate, naming the version read (else CONFLICT). */
import { ZDepartmentUpdateInput } from "@/lib/validation/onboarding";
import { adminProcedure } from "@/server/api/trpc";
import { updateDepartment } from "@/server/provisioning";
import { departmentOutput, ZDepartmentOutput } from "@/server/api/outputs";

export const update = adminProcedure
  .input(ZDepartmentUpdateInput)
  .output(ZDepartmentOutput)
  .mutation(async ({ ctx, input }) => departmentOutput(await updateDepartment(ctx.db, ctx.provider, ctx.scope, input)));
