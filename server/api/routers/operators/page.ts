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
import type { Db } from "@/server/db/client";
import { operators, users } from "@/server/db/schema";
import { operatorOutputColumns, ZOperatorOutput } from "@/server/api/outputs";

export const ZOperatorsPageOutput = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(ZOperatorOutput.extend({ linkedUserName: z.string().nullable(), createdAt: z.date() })),
});

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

async function countOperators(db: Db, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: count() }).from(operators).where(where);
  return row?.n ?? 0;
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
    // The total rides along with the page (one query); only a page past the end asks for it apart.
    const rows = await ctx.db
      .select({
        item: { ...operatorOutputColumns, createdAt: operators.createdAt, linkedUserName: users.name },
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(operators)
      .leftJoin(users, eq(users.id, operators.userId))
      .where(where)
      .orderBy(primary, order(operators.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize);
    const total = rows[0]?.total ?? (input.page > 1 ? await countOperators(ctx.db, where) : 0);
    return {
      total,
      page: input.page,
      pageSize: input.pageSize,
      items: rows.map((row) => row.item),
    };
  });
