/** members.leave — the caller leaves the organization (any role; the last owner cannot). */
import { and, eq } from "drizzle-orm";
import { orgProcedure } from "@/server/api/trpc";
import { memberships, operators } from "@/server/db/schema";
import { audit } from "@/server/audit/writer";
import { assertNotLastOwner } from "@/server/team/members";

export const leave = orgProcedure.mutation(async ({ ctx }) => {
  await ctx.db.transaction(async (tx) => {
    if (ctx.membership.role === "owner") await assertNotLastOwner(tx, ctx.org.id, ctx.membership.id);
    await tx
      .update(operators)
      .set({ userId: null, updatedAt: new Date() })
      .where(and(eq(operators.organizationId, ctx.org.id), eq(operators.userId, ctx.session.userId)));
    await tx
      .delete(memberships)
      .where(and(eq(memberships.id, ctx.membership.id), eq(memberships.organizationId, ctx.org.id)));
    await audit(tx, ctx.scope, {
      action: "member.leave",
      targetType: "member",
      targetId: ctx.session.userId,
      result: "success",
      details: { name: ctx.session.name, email: ctx.session.email, role: ctx.membership.role },
    });
  });
  return { ok: true as const };
});
