/**
 * onboarding.connectSpace — step 1 on a backend whose chat space already exists (CDP: a
 * project + live-chat item): checks it with the provider and records it as the organization's
 * vendor account. Backends that create an account (`capabilities.accounts`) use createAccount.
 */
import { eq } from "drizzle-orm";
import { stepsFor } from "@/lib/onboarding/steps";
import { ZSpaceStepInput } from "@/lib/validation/onboarding";
import { appError } from "@/server/errors";
import { adminProcedure } from "@/server/api/trpc";
import { organizations } from "@/server/db/schema";
import { completeStep, saveOnboardingData } from "@/server/onboarding/state";
import { hasSpaceVerification } from "@/server/providers/cdp/provider";
import { connectSpace as connect } from "@/server/provisioning";
import { accountOutput, ZAccountOutput } from "@/server/api/outputs";

export const connectSpace = adminProcedure
  .input(ZSpaceStepInput)
  .output(ZAccountOutput)
  .mutation(async ({ ctx, input }) => {
    const provider = ctx.provider;
    if (provider.capabilities.accounts || !hasSpaceVerification(provider)) throw appError("NOT_SUPPORTED");
    await saveOnboardingData(ctx.db, ctx.org.id, { companyName: input.companyName });
    if (input.companyName !== ctx.org.name) {
      await ctx.db
        .update(organizations)
        .set({ name: input.companyName, updatedAt: new Date() })
        .where(eq(organizations.id, ctx.org.id));
    }
    const row = await connect(ctx.db, provider, ctx.scope, {
      name: input.companyName,
      projectUuid: input.projectUuid,
      itemUuid: input.itemUuid,
    });
    await completeStep(ctx.db, ctx.org.id, "company", {}, stepsFor(provider.capabilities));
    return accountOutput(row);
  });
