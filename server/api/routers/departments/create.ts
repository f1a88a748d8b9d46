/** departments.create — a new department at the vendor (once per name). */
import { ZDepartmentCreateInput } from "@/lib/validation/onboarding";
import { adminProcedure } from "@/server/api/trpc";
import { createDepartment } from "@/server/provisioning";
import { departmentOutput, ZDepartmentOutput } from "@/server/api/outputs";

export const create = adminProcedure
  .input(ZDepartmentCreateInput)
  .output(ZDepartmentOutput)
  .mutation(async ({ ctx, input }) =>
    departmentOutput(await createDepartment(ctx.db, ctx.provider, ctx.scope, { name: input.name, active: true })),
  );
