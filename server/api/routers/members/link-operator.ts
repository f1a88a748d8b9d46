/**
 * members.linkOperator — the member acts as this operator ("Abrir chat"); null unlinks. An
 * operator has at most one person and a person at most one operator per organization.
 */
import { and, eq } from "drizzle-orm";
import { ZLinkOperatorInput } from "@/lib/validation/team";
import { appError } from "@/server/errors";
import { adminProcedure } from "@/server/api/trpc";
import { operators } from "@/server/db/schema";
import { membershipInOrg } from "@/server/team/members";

export const linkOperator = adminProcedure.input(ZLinkOperatorInput).mutation(async ({ ctx, input }) => {
  await ctx.db.transaction(async (tx) => {
    const target = await membershipInOrg(tx, ctx.org.id, input.membershipId);
    let operatorId: string | null = null;
    if (input.operatorId) {
      const [op] = await tx
        .select({ id: operators.id })
        .from(operators)
        .where(and(eq(operators.id, input.operatorId), eq(operators.organizationId, ctx.org.id)))
        .limit(1);
      if (!op) throw appError("NOT_FOUND");
      operatorId = op.id;
    }
    await tx
      .update(operators)
      .set({ userId: null, updatedAt: new Date() })
      .where(and(eq(operators.organizationId, ctx.org.id), eq(operators.userId, target.userId)));
    if (operatorId) {
      await tx
        .update(operators)
        .set({ userId: target.userId, updatedAt: new Date() })
        .where(and(eq(operators.id, operatorId), eq(operators.organizationId, ctx.org.id)));
    }
  });
  return { ok: true as const };
});
