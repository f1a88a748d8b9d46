/** twoFactor.disable — turns two-factor sign-in off, with the password and a current code (app or recovery). */
import { z } from "zod";
import { ZTwoFactorProofInput } from "@/lib/validation/two-factor";
import { appError } from "@/server/errors";
import { protectedProcedure } from "@/server/api/trpc";
import { disableTwoFactor } from "@/server/auth/two-factor";
import { proveTwoFactor } from "./proof";

export const disable = protectedProcedure
  .input(ZTwoFactorProofInput)
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    if (!ctx.session.twoFactorEnabled) throw appError("TWO_FACTOR_NOT_ON");
    await proveTwoFactor(ctx, input);
    await disableTwoFactor(ctx.db, ctx.session.userId);
    ctx.log.info({ event: "two_factor_disabled", userId: ctx.session.userId }, "two-factor sign-in turned off");
    return { ok: true as const };
  });
