/**
 * audit.list — the organization's audit trail for admins, newest first, filtered by
 * action, result and a date range (calendar days in Brasília time), paginated on the server
 * (offset over the (organization_id, created_at) index).
 */
import { and, count, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import { singleLineText } from "@/lib/validation/text";
import { adminProcedure } from "@/server/api/trpc";
import { auditLog, users } from "@/server/db/schema";

export const AUDIT_PAGE_SIZES = [25, 50, 100] as const;

export const ZAuditLogInput = z.strictObject({
  action: z.optional(singleLineText().check(z.maxLength(64), z.regex(/^[a-z._-]*$/))),
  result: z.enum(["success", "failure", "uncertain"]).optional(),
  /** Calendar days, inclusive, "YYYY-MM-DD". */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.union(AUDIT_PAGE_SIZES.map((n) => z.literal(n))).default(25),
});
export type TAuditLogInput = z.input<typeof ZAuditLogInput>;

export const ZAuditLogOutput = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      createdAt: z.date(),
      action: z.string(),
      targetType: z.string(),
      targetId: z.string().nullable(),
      result: z.enum(["success", "failure", "uncertain"]),
      /**
       * "deleted": a person whose account no longer exists (their name is gone with it); "staff": the
       * platform's staff, from the console.
       */
      actorKind: z.enum(["user", "staff", "system", "deleted"]),
      actorName: z.string().nullable(),
      details: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
});

/** Brazil has had no daylight saving time since 2019: Brasília is UTC−3 all year. */
const BRASILIA_OFFSET = "-03:00";
const dayStart = (day: string) => new Date(`${day}T00:00:00${BRASILIA_OFFSET}`);

export const list = adminProcedure
  .input(ZAuditLogInput)
  .output(ZAuditLogOutput)
  .query(async ({ ctx, input }) => {
    const conditions: SQL[] = [eq(auditLog.organizationId, ctx.org.id)];
    if (input.action) conditions.push(eq(auditLog.action, input.action));
    if (input.result) conditions.push(eq(auditLog.result, input.result));
    if (input.from) conditions.push(gte(auditLog.createdAt, dayStart(input.from)));
    if (input.to) conditions.push(lt(auditLog.createdAt, new Date(dayStart(input.to).getTime() + 24 * 60 * 60 * 1000)));
    const where = and(...conditions);
    const [totalRow] = await ctx.db.select({ n: count() }).from(auditLog).where(where);
    const rows = await ctx.db
      .select({
        id: auditLog.id,
        createdAt: auditLog.createdAt,
        action: auditLog.action,
        targetType: auditLog.targetType,
        targetId: auditLog.targetId,
        result: auditLog.result,
        actorKind: auditLog.actorKind,
        actorName: users.name,
        details: auditLog.details,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(where)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize);
    const items = rows.map((row) => ({
      ...row,
      actorKind: row.actorKind === "user" && row.actorName === null ? ("deleted" as const) : row.actorKind,
    }));
    return { total: totalRow?.n ?? 0, page: input.page, pageSize: input.pageSize, items };
  });
