/**
 * operators.page — one page of the organization's operators with search, filters and
 * sorting, counted on the server. Stays fast at thousands of operators: every query is
 * scoped by organization_id (leading column of the name/created indexes) and the
 * department filter uses the GIN index on department_ids. The role filter and the e-mail
 * search serve backends with `operatorRoles` / `operatorEmail` (CDP).
 */
import { createHash } from "node:crypto";
import { and, asc, count, desc, eq, ilike, or, sql, type Placeholder, type SQL } from "drizzle-orm";
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
  items: z.array(ZOperatorOutput.extend({ linkedUserName: z.string().nullable() })),
});

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

async function countOperators(db: Db, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: count() }).from(operators).where(where);
  return row?.n ?? 0;
}

type PageInput = z.output<typeof ZOperatorsPageInput>;

/** Which conditions and order a page query has: its values are placeholders, filled per request. */
function shapeOf(input: PageInput): string {
  return [
    input.search ? "search" : "",
    input.status,
    input.admin,
    input.role === "all" ? "all" : "role",
    input.departmentId ? "department" : "",
    input.sort,
    input.dir,
  ].join(":");
}

/** A page's filter values: placeholders in a prepared statement, values for the count apart. */
interface FilterValues {
  organizationId: string | Placeholder;
  pattern: string | Placeholder;
  role: string | Placeholder;
  departmentId: string | Placeholder;
}

function whereOf(input: PageInput, values: FilterValues): SQL | undefined {
  const conditions: SQL[] = [eq(operators.organizationId, values.organizationId)];
  if (input.search) {
    // By name, or by e-mail on backends that identify operators by it (null elsewhere).
    conditions.push(or(ilike(operators.name, values.pattern), ilike(operators.email, values.pattern))!);
  }
  if (input.status !== "all") conditions.push(eq(operators.active, input.status === "active"));
  if (input.admin !== "all") conditions.push(eq(operators.isAdmin, input.admin === "yes"));
  if (input.role !== "all") conditions.push(eq(operators.roleCode, values.role));
  if (input.departmentId) conditions.push(sql`${operators.departmentIds} @> array[${values.departmentId}]::uuid[]`);
  return and(...conditions);
}

const placeholders: FilterValues = {
  organizationId: sql.placeholder("organizationId"),
  pattern: sql.placeholder("pattern"),
  role: sql.placeholder("role"),
  departmentId: sql.placeholder("departmentId"),
};

function preparePage(db: Db, input: PageInput, name: string) {
  const order = input.dir === "asc" ? asc : desc;
  const primary = input.sort === "name" ? order(sql`lower(${operators.name})`) : order(operators.createdAt);
  // The total rides along with the page (one query); only a page past the end asks for it apart.
  return db
    .select({
      // Flat, not nested under a key: drizzle maps a flat row with less work per column.
      ...operatorOutputColumns,
      linkedUserName: users.name,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(operators)
    .leftJoin(users, eq(users.id, operators.userId))
    .where(whereOf(input, placeholders))
    .orderBy(primary, order(operators.id))
    .limit(sql.placeholder("limit"))
    .offset(sql.placeholder("offset"))
    .prepare(name);
}

type PageQuery = ReturnType<typeof preparePage>;
/**
 * One prepared statement per database and shape (a few dozen at most: the filters' on/off and
 * the orders), so a page request does not build its query again, and PostgreSQL parses and
 * plans each shape once per connection.
 */
const pageQueries = new WeakMap<Db, Map<string, PageQuery>>();

function pageQuery(db: Db, input: PageInput): PageQuery {
  const forDb = pageQueries.get(db) ?? pageQueries.set(db, new Map()).get(db)!;
  const shape = shapeOf(input);
  let query = forDb.get(shape);
  if (!query) {
    // Named by its shape: Next's bundles each keep a copy of this map, and share the connections,
    // where one name must always mean the same statement.
    query = preparePage(db, input, `operators_page_${createHash("sha256").update(shape).digest("hex").slice(0, 16)}`);
    forDb.set(shape, query);
  }
  return query;
}

export const page = orgProcedure
  .input(ZOperatorsPageInput)
  .output(ZOperatorsPageOutput)
  .query(async ({ ctx, input }) => {
    const values = {
      organizationId: ctx.org.id,
      pattern: `%${escapeLike(input.search)}%`,
      role: input.role,
      departmentId: input.departmentId ?? "",
    };
    const rows = await pageQuery(ctx.db, input).execute({
      ...values,
      limit: input.pageSize,
      offset: (input.page - 1) * input.pageSize,
    });
    const total = rows[0]?.total ?? (input.page > 1 ? await countOperators(ctx.db, whereOf(input, values)) : 0);
    // Each row still carries the total; the output schema leaves it out of the answer (no copy here).
    return { total, page: input.page, pageSize: input.pageSize, items: rows };
  });
