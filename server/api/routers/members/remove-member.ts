/**
 * members.removeMember — takes someone out of the organization. Their sessions stay, but every
 * organization procedure checks membership per request, so access ends at the next one.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { ZId } from "@/lib/validation/team";
import { appError } from "@/server/errors";
import { adminProcedure } from "@/server/api/trpc";
import { memberships, operators } from "@/server/db/schema";
import { audit } from "@/server/audit/writer";
import { assertNotLastOwner, membershipInOrg, personOf } from "@/server/team/members";

export const ZRemoveMemberInput = z.strictObject({ membershipId: ZId });

export const removeMember = adminProcedure.input(ZRemoveMemberInput).mutation(async ({ ctx, input }) => {
  await ctx.db.transaction(async (tx) => {
    const target = await membershipInOrg(tx, ctx.org.id, input.membershipId);
    if (target.role === "owner") {
      if (ctx.membership.role !== "owner") throw appError("FORBIDDEN");
      await assertNotLastOwner(tx, ctx.org.id, target.id);
    }
    // A removed person no longer acts as any operator of this organization.
    await tx
      .update(operators)
      .set({ userId: null, updatedAt: new Date() })
      .where(and(eq(operators.organizationId, ctx.org.id), eq(operators.userId, target.userId)));
    await tx.delete(memberships).where(eq(memberships.id, target.id));
    await audit(tx, ctx.scope, {
      action: "member.remove",
      targetType: "member",
      targetId: target.userId,
      result: "success",
      details: { ...(await personOf(tx, target.userId)), role: target.role },
    });
  });
  return { ok: true as const };
});
