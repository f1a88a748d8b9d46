/** console.customer.reactivate — ends a suspension (reason required): operators get exactly their previous states back. */
import { ZStaffActionInput } from "@/lib/validation/console";
import { staffProcedure } from "@/server/api/trpc";
import { reactivateOrganization } from "@/server/provisioning";

export const reactivate = staffProcedure.input(ZStaffActionInput).mutation(async ({ ctx, input }) => {
  const report = await reactivateOrganization(ctx.db, ctx.provider, {
    organizationId: input.organizationId,
    staffUserId: ctx.staff.userId,
    reason: input.reason,
  });
  return { done: Boolean(report?.ran && !report.error) };
});
