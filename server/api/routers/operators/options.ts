/** operators.options — operators matching a name, to pick one to link a member to (admins). */
import { and, asc, eq, ilike, sql } from "drizzle-orm";
import { z } from "zod";
import { ZOperatorOptionsInput } from "@/lib/validation/team";
import { adminProcedure } from "@/server/api/trpc";
import { operators, users } from "@/server/db/schema";

export const ZOperatorOptionsOutput = z.array(
  z.object({ id: z.string(), name: z.string(), active: z.boolean(), linkedTo: z.string().nullable() }),
);

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export const options = adminProcedure
  .input(ZOperatorOptionsInput)
  .output(ZOperatorOptionsOutput)
  .query(async ({ ctx, input }) => {
    const rows = await ctx.db
      .select({ id: operators.id, name: operators.name, active: operators.active, linkedTo: users.name })
      .from(operators)
      .leftJoin(users, eq(users.id, operators.userId))
      .where(
        and(
          eq(operators.organizationId, ctx.org.id),
          input.search ? ilike(operators.name, `%${escapeLike(input.search)}%`) : undefined,
        ),
      )
      .orderBy(asc(sql`lower(${operators.name})`))
      .limit(20);
    return rows.map((r) => ({ id: r.id, name: r.name, active: r.active, linkedTo: r.linkedTo }));
  });
