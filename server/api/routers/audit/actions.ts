/** audit.actions — the distinct actions recorded for the organization (the filter's choices). */
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { adminProcedure } from "@/server/api/trpc";
import { auditLog } from "@/server/db/schema";

export const actions = adminProcedure.output(z.array(z.string())).query(async ({ ctx }) => {
  const rows = await ctx.db
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .where(eq(auditLog.organizationId, ctx.org.id))
    .orderBy(asc(auditLog.action))
    .limit(200);
  return rows.map((r) => r.action);
});
