/**
 * departments.list — the organization's departments as mirrored locally. A query never
 * writes: refreshing the mirror from the vendor is the `departments.refresh` mutation.
 */
import { z } from "zod";
import { orgProcedure } from "@/server/api/trpc";
import { listDepartments } from "@/server/provisioning";
import { departmentOutput, ZDepartmentOutput } from "@/server/api/outputs";

export const ZDepartmentsListOutput = z.object({ items: z.array(ZDepartmentOutput), stale: z.boolean() });

export const list = orgProcedure.output(ZDepartmentsListOutput).query(async ({ ctx }) => ({
  items: (await listDepartments(ctx.db, ctx.org.id)).map(departmentOutput),
  stale: false,
}));
