/** members.transferOwnership — an owner hands ownership to another member and becomes an admin. */
import { eq } from "drizzle-orm";
import { z } from "zod";
import { ZId } from "@/lib/validation/team";
import { appError } from "@/server/errors";
import { ownerProcedure } from "@/server/api/trpc";
import { memberships } from "@/server/db/schema";
import { audit } from "@/server/audit/writer";
import { lockOwners, membershipInOrg, personOf } from "@/server/team/members";

export const ZTransferOwnershipInput = z.strictObject({ membershipId: ZId });

export const transferOwnership = ownerProcedure.input(ZTransferOwnershipInput).mutation(async ({ ctx, input }) => {
  await ctx.db.transaction(async (tx) => {
    await lockOwners(tx, ctx.org.id);
    const target = await membershipInOrg(tx, ctx.org.id, input.membershipId);
    if (target.id === ctx.membership.id) throw appError("VALIDATION", { field: "membershipId" });
    await tx.update(memberships).set({ role: "owner" }).where(eq(memberships.id, target.id));
    await tx.update(memberships).set({ role: "admin" }).where(eq(memberships.id, ctx.membership.id));
    await audit(tx, ctx.scope, {
      action: "member.transfer_ownership",
      targetType: "member",
      targetId: target.userId,
      result: "success",
      details: { ...(await personOf(tx, target.userId)), changes: { role: { from: target.role, to: "owner" } } },
    });
  });
  return { ok: true as const };
});
