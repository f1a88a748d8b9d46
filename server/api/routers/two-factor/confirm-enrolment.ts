/**
 * twoFactor.confirmEnrolment — the first code from the app turns two-factor on; answers the 10
 * recovery codes, the only time they are ever shown. Wrong codes spend the two-factor budget.
 */
import { z } from "zod";
import { ZConfirmTwoFactorInput } from "@/lib/validation/two-factor";
import { protectedProcedure } from "@/server/api/trpc";
import { confirmEnrolment as confirm } from "@/server/auth/two-factor";
import { spendTwoFactorBudget, twoFactorBudgetRefusal } from "@/server/auth/two-factor-sign-in";
import { throwIfRefused } from "@/server/security/rate-limit";

export const ZRecoveryCodesOutput = z.object({ recoveryCodes: z.array(z.string()) });

export const confirmEnrolment = protectedProcedure
  .input(ZConfirmTwoFactorInput)
  .output(ZRecoveryCodesOutput)
  .mutation(async ({ ctx, input }) => {
    const { userId, email } = ctx.session;
    throwIfRefused(await twoFactorBudgetRefusal(email, ctx.clientIp));
    try {
      const result = await confirm(ctx.db, userId, input.code);
      ctx.log.info({ event: "two_factor_enabled", userId }, "two-factor sign-in turned on");
      return result;
    } catch (error) {
      if (error instanceof Error && error.message === "TWO_FACTOR_CODE_INVALID")
        await spendTwoFactorBudget(email, ctx.clientIp);
      throw error;
    }
  });
