/** supportAccess.revoke — an owner ends a support grant before it expires. */
import { ZSupportRevokeInput } from "@/lib/validation/console";
import { ownerProcedure } from "@/server/api/trpc";
import { revokeSupportAccess } from "@/server/team/support-access";

export const revoke = ownerProcedure.input(ZSupportRevokeInput).mutation(async ({ ctx, input }) => {
  await revokeSupportAccess(ctx.db, { organizationId: ctx.org.id, actorUserId: ctx.session.userId }, input.id);
  return { ok: true as const };
});
