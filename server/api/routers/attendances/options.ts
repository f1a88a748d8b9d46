/** attendances.options — the departments and operators seen in the organization's attendances (the filters' choices). */
import { and, asc, eq, isNotNull } from "drizzle-orm";
import { z } from "zod";
import { orgProcedure } from "@/server/api/trpc";
import { attendances } from "@/server/db/schema";

export const options = orgProcedure
  .output(z.object({ departments: z.array(z.string()), operators: z.array(z.string()) }))
  .query(async ({ ctx }) => {
    const distinct = async (column: typeof attendances.department | typeof attendances.operator) => {
      const rows = await ctx.db
        .selectDistinct({ value: column })
        .from(attendances)
        .where(and(eq(attendances.organizationId, ctx.org.id), isNotNull(column)))
        .orderBy(asc(column))
        .limit(200);
      return rows.flatMap((r) => (r.value ? [r.value] : []));
    };
    const [departments, operators] = await Promise.all([
      distinct(attendances.department),
      distinct(attendances.operator),
    ]);
    return { departments, operators };
  });
