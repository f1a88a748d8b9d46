/**
 * departments.refresh — mirrors the vendor's departments (the default "Geral" included)
 * into the local records; when the vendor does not answer, returns what we know, flagged
 * stale.
 */
import { adminProcedure } from "@/server/api/trpc";
import { getVendorAccount, listDepartments, syncDepartmentsFromVendor } from "@/server/provisioning";
import { departmentOutput } from "@/server/api/outputs";
import { ZDepartmentsListOutput } from "./list";

export const refresh = adminProcedure.output(ZDepartmentsListOutput).mutation(async ({ ctx }) => {
  const account = await getVendorAccount(ctx.db, ctx.org.id);
  if (account?.state !== "synced") return { items: [], stale: false };
  try {
    const rows = await syncDepartmentsFromVendor(ctx.db, ctx.provider, ctx.scope);
    return { items: rows.map(departmentOutput), stale: false };
  } catch (error) {
    ctx.log.warn({ err: error }, "departments sync failed");
    return { items: (await listDepartments(ctx.db, ctx.org.id)).map(departmentOutput), stale: true };
  }
});
