/** departments.summary — the organization's live departments with how many operators each has. */
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { orgProcedure } from "@/server/api/trpc";
import { departments, operators } from "@/server/db/schema";

export const ZDepartmentsSummaryOutput = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    active: z.boolean(),
    isDefault: z.boolean(),
    state: z.enum(["pending", "synced", "failed", "uncertain"]),
    version: z.number(),
    operatorCount: z.number(),
    activeOperatorCount: z.number(),
  }),
);

export const summary = orgProcedure.output(ZDepartmentsSummaryOutput).query(async ({ ctx }) => {
  const counts = ctx.db
    .select({
      departmentId: sql<string>`unnest(${operators.departmentIds})`.as("department_id"),
      active: operators.active,
    })
    .from(operators)
    .where(eq(operators.organizationId, ctx.org.id))
    .as("op_departments");
  const rows = await ctx.db
    .select({
      id: departments.id,
      name: departments.name,
      active: departments.active,
      isDefault: departments.isDefault,
      state: departments.state,
      version: departments.version,
      operatorCount: sql<number>`count(${counts.departmentId})::int`,
      activeOperatorCount: sql<number>`count(${counts.departmentId}) filter (where ${counts.active})::int`,
    })
    .from(departments)
    .leftJoin(counts, eq(counts.departmentId, departments.id))
    .where(and(eq(departments.organizationId, ctx.org.id), isNull(departments.deletedAt)))
    .groupBy(departments.id)
    .orderBy(desc(departments.isDefault), asc(sql`lower(${departments.name})`))
    .limit(500);
  return rows;
});
