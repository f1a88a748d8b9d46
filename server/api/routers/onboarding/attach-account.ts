/** onboarding.attachAccount — resolves an uncertain create by adopting an existing vendor account (externalId must match). */
import { ZAttachAccountInput } from "@/lib/validation/onboarding";
import { adminProcedure } from "@/server/api/trpc";
import { stepsFor } from "@/lib/onboarding/steps";
import { completeStep } from "@/server/onboarding/state";
import { attachAccount as attach } from "@/server/provisioning";
import { accountOutput, ZAccountOutput } from "@/server/api/outputs";

export const attachAccount = adminProcedure
  .input(ZAttachAccountInput)
  .output(ZAccountOutput)
  .mutation(async ({ ctx, input }) => {
    const row = await attach(ctx.db, ctx.provider, ctx.scope, input.vendorAccountId);
    await completeStep(ctx.db, ctx.org.id, "company", {}, stepsFor(ctx.provider.capabilities));
    return accountOutput(row);
  });
