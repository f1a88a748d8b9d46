/** plan.continueTrial — stay in the 7-day trial for now; completes the plan step. */
import { z } from "zod";
import { adminProcedure } from "@/server/api/trpc";
import { stepsFor } from "@/lib/onboarding/steps";
import { completeStep } from "@/server/onboarding/state";
import { requireSyncedAccount } from "@/server/provisioning";

export const continueTrial = adminProcedure.output(z.object({ success: z.literal(true) })).mutation(async ({ ctx }) => {
  await requireSyncedAccount(ctx.db, ctx.org.id);
  await completeStep(ctx.db, ctx.org.id, "plan", { planChoice: "trial" }, stepsFor(ctx.provider.capabilities));
  return { success: true as const };
});
