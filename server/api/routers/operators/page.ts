/**
 * operators.page — one page of the organization's operators with search, filters and
 * sorting, counted on the server. Stays fast at thousands of operators: every query is
 * scoped by organization_id (leading column of the name/created indexes) and the
 * department filter uses the GIN index on department_ids. The role filter and the e-mail
 * search serve backends with `operatorRoles` / `operatorEmail` (CDP).
 */
import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { ZOperatorsPageInput } from "@/lib/validation/team";
import { orgProcedure } from "@/server/api/trpc";
import { operators, users } from "@/server/db/schema";
import { operatorOutput, ZOperatorOutput } from "@/server/api/outputs";

export const ZOperatorsPageOutput = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(ZOperatorOutput.extend({ linkedUserName: z.string().nullable(), createdAt: z.date() })),
});

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export const page = orgProcedure
  .input(ZOperatorsPageInput)
  .output(ZOperatorsPageOutput)
  .query(async ({ ctx, input }) => {
    const conditions: SQL[] = [eq(operators.organizationId, ctx.org.id)];
    if (input.search) {
      // By name, or by e-mail on backends that identify operators by it (null elsewhere).
      const pattern = `%${escapeLike(input.search)}%`;
      conditions.push(or(ilike(operators.name, pattern), ilike(operators.email, pattern))!);
    }
    if (input.status !== "all") conditions.push(eq(operators.active, input.status === "active"));
    if (input.admin !== "all") conditions.push(eq(operators.isAdmin, input.admin === "yes"));
    if (input.role !== "all") conditions.push(eq(operators.roleCode, input.role));
    if (input.departmentId) conditions.push(sql`${operators.departmentIds} @> array[${input.departmentId}]::uuid[]`);
    const where = and(...conditions);
    const order = input.dir === "asc" ? asc : desc;
    const primary = input.sort === "name" ? order(sql`lower(${operators.name})`) : order(operators.createdAt);
    const [[totalRow], rows] = await Promise.all([
      ctx.db.select({ n: count() }).from(operators).where(where),
      ctx.db
        .select({ operator: operators, linkedUserName: users.name })
        .from(operators)
        .leftJoin(users, eq(users.id, operators.userId))
        .where(where)
        .orderBy(primary, order(operators.id))
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
    ]);
    return {
      total: totalRow?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
      items: rows.map((r) => ({
        ...operatorOutput(r.operator),
        linkedUserName: r.linkedUserName,
        createdAt: r.operator.createdAt,
      })),
    };
  });
