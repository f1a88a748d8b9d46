/** twoFactor.status — whether two-factor sign-in is on for the signed-in user, since when, and recovery codes left. */
import { z } from "zod";
import { protectedProcedure } from "@/server/api/trpc";
import { twoFactorStatus } from "@/server/auth/two-factor";

export const ZTwoFactorStatusOutput = z.object({
  enabled: z.boolean(),
  enabledAt: z.date().nullable(),
  recoveryCodesLeft: z.number().int(),
});

export const status = protectedProcedure
  .output(ZTwoFactorStatusOutput)
  .query(({ ctx }) => twoFactorStatus(ctx.db, ctx.session.userId));
