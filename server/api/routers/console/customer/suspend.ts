/**
 * console.customer.suspend — platform staff suspend a customer (reason required): its members
 * see the suspension page, its operators are switched off at the chat provider (their states
 * stored first, restored exactly by console.customer.reactivate). Audited as the staff's action.
 */
import { ZStaffActionInput } from "@/lib/validation/console";
import { staffProcedure } from "@/server/api/trpc";
import { suspendOrganization } from "@/server/provisioning";

export const suspend = staffProcedure.input(ZStaffActionInput).mutation(async ({ ctx, input }) => {
  const report = await suspendOrganization(ctx.db, ctx.provider, {
    organizationId: input.organizationId,
    staffUserId: ctx.staff.userId,
    reason: input.reason,
  });
  // Operators still to switch off are done by the next reconciler sweep.
  return { done: Boolean(report?.ran && !report.error) };
});
