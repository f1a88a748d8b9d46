/**
 * members.changeRole — admin ↔ member, and an owner stepping down. Admins cannot touch an
 * owner; the last owner cannot be demoted; nobody becomes owner here (see transferOwnership).
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import { ZAssignableRole, ZId } from "@/lib/validation/team";
import { appError } from "@/server/errors";
import { adminProcedure } from "@/server/api/trpc";
import { memberships } from "@/server/db/schema";
import { audit } from "@/server/audit/writer";
import { assertNotLastOwner, membershipInOrg, personOf } from "@/server/team/members";

export const ZChangeRoleInput = z.strictObject({ membershipId: ZId, role: ZAssignableRole });

export const changeRole = adminProcedure.input(ZChangeRoleInput).mutation(async ({ ctx, input }) => {
  await ctx.db.transaction(async (tx) => {
    const target = await membershipInOrg(tx, ctx.org.id, input.membershipId);
    if (target.role === "owner") {
      if (ctx.membership.role !== "owner") throw appError("FORBIDDEN");
      // The last owner cannot be demoted.
      await assertNotLastOwner(tx, ctx.org.id, target.id);
    }
    if (target.role === input.role) return;
    await tx.update(memberships).set({ role: input.role }).where(eq(memberships.id, target.id));
    await audit(tx, ctx.scope, {
      action: "member.change_role",
      targetType: "member",
      targetId: target.userId,
      result: "success",
      details: { ...(await personOf(tx, target.userId)), changes: { role: { from: target.role, to: input.role } } },
    });
  });
  return { ok: true as const };
});
