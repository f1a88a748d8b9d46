/** supportAccess.grant — an owner lets platform staff look at the company's pages, read-only, for 1 to 72 hours. */
import { ZSupportGrantInput } from "@/lib/validation/console";
import { ownerProcedure } from "@/server/api/trpc";
import { grantSupportAccess } from "@/server/team/support-access";

export const grant = ownerProcedure.input(ZSupportGrantInput).mutation(async ({ ctx, input }) => {
  const row = await grantSupportAccess(
    ctx.db,
    { organizationId: ctx.org.id, actorUserId: ctx.session.userId },
    input.hours,
  );
  return { id: row.id, expiresAt: row.expiresAt };
});
