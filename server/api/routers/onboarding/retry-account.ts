/** onboarding.retryAccount — after an uncertain outcome, the admin explicitly confirms sending the create again. */
import { z } from "zod";
import { adminProcedure } from "@/server/api/trpc";
import { env } from "@/server/config/env";
import { stepsFor } from "@/lib/onboarding/steps";
import { completeStep, getOnboarding } from "@/server/onboarding/state";
import { getVendorAccount, provisionAccount } from "@/server/provisioning";
import { appError } from "@/server/errors";
import { accountOutput, ZAccountOutput } from "@/server/api/outputs";

export const ZRetryAccountInput = z.strictObject({ confirm: z.literal(true) });

export const retryAccount = adminProcedure
  .input(ZRetryAccountInput)
  .output(ZAccountOutput)
  .mutation(async ({ ctx }) => {
    const existing = await getVendorAccount(ctx.db, ctx.org.id);
    if (!existing) throw appError("ACCOUNT_MISSING");
    const wizard = await getOnboarding(ctx.db, ctx.org.id);
    const row = await provisionAccount(
      ctx.db,
      ctx.provider,
      ctx.scope,
      {
        name: wizard.data.companyName ?? existing.name,
        sessionName: wizard.data.sessionName ?? existing.sessionName ?? undefined,
      },
      { publicUrl: process.env.PUBLIC_URL || env.PUBLIC_URL, confirmRetry: true },
    );
    if (row.state === "synced")
      await completeStep(ctx.db, ctx.org.id, "company", {}, stepsFor(ctx.provider.capabilities));
    return accountOutput(row);
  });
