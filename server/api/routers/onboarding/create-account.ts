/**
 * onboarding.createAccount — step 1: saves the company data and creates the vendor account
 * at most once (see server/provisioning/accounts.ts). Submitting twice returns the same account.
 */
import { eq } from "drizzle-orm";
import { ZCompanyStepInput } from "@/lib/validation/onboarding";
import { appError } from "@/server/errors";
import { adminProcedure } from "@/server/api/trpc";
import { env } from "@/server/config/env";
import { organizations } from "@/server/db/schema";
import { stepsFor } from "@/lib/onboarding/steps";
import { completeStep, saveOnboardingData } from "@/server/onboarding/state";
import { provisionAccount } from "@/server/provisioning";
import { accountOutput, ZAccountOutput } from "@/server/api/outputs";

export const createAccount = adminProcedure
  .input(ZCompanyStepInput)
  .output(ZAccountOutput)
  .mutation(async ({ ctx, input }) => {
    // A backend without accounts connects an existing space instead (onboarding.connectSpace).
    if (!ctx.provider.capabilities.accounts) throw appError("NOT_SUPPORTED");
    await saveOnboardingData(ctx.db, ctx.org.id, { companyName: input.companyName, sessionName: input.sessionName });
    if (input.companyName !== ctx.org.name) {
      await ctx.db
        .update(organizations)
        .set({ name: input.companyName, updatedAt: new Date() })
        .where(eq(organizations.id, ctx.org.id));
    }
    const row = await provisionAccount(
      ctx.db,
      ctx.provider,
      ctx.scope,
      { name: input.companyName, sessionName: input.sessionName },
      { publicUrl: process.env.PUBLIC_URL || env.PUBLIC_URL },
    );
    if (row.state === "synced")
      await completeStep(ctx.db, ctx.org.id, "company", {}, stepsFor(ctx.provider.capabilities));
    return accountOutput(row);
  });
