/** plan.cancel — cancels the subscription at the vendor, with the reason the person chose. */
import { ZCancelSubscriptionInput } from "@/lib/validation/plan";
import { adminProcedure } from "@/server/api/trpc";
import { cancelSubscription } from "@/server/provisioning";
import { ZPlanOutput } from "./get";

const ZCancelOutput = ZPlanOutput.shape.subscription.unwrap();

export const cancel = adminProcedure
  .input(ZCancelSubscriptionInput)
  .output(ZCancelOutput)
  .mutation(async ({ ctx, input }) => {
    const row = await cancelSubscription(ctx.db, ctx.provider, ctx.scope, input);
    return {
      status: row.status,
      seats: row.seats,
      subscribedAt: row.subscribedAt,
      updatedAt: row.updatedAt,
      cancelledAt: row.cancelledAt,
      cancelReason: row.cancelReason,
      cancelNote: row.cancelNote,
    };
  });
