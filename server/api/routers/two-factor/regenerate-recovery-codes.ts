/** twoFactor.regenerateRecoveryCodes — 10 new recovery codes (the old ones stop working), with the password and a current code. */
import { ZTwoFactorProofInput } from "@/lib/validation/two-factor";
import { appError } from "@/server/errors";
import { protectedProcedure } from "@/server/api/trpc";
import { regenerateRecoveryCodes as regenerate } from "@/server/auth/two-factor";
import { ZRecoveryCodesOutput } from "./confirm-enrolment";
import { proveTwoFactor } from "./proof";

export const regenerateRecoveryCodes = protectedProcedure
  .input(ZTwoFactorProofInput)
  .output(ZRecoveryCodesOutput)
  .mutation(async ({ ctx, input }) => {
    if (!ctx.session.twoFactorEnabled) throw appError("TWO_FACTOR_NOT_ON");
    await proveTwoFactor(ctx, input);
    const result = await regenerate(ctx.db, ctx.session.userId);
    ctx.log.info({ event: "two_factor_recovery_codes_renewed", userId: ctx.session.userId }, "recovery codes renewed");
    return result;
  });
