/**
 * twoFactor.beginEnrolment — a new secret for the signed-in user, kept encrypted and not yet in
 * force; answers the QR code (SVG rendered here) and the manual key. Calling it again restarts.
 */
import { z } from "zod";
import { protectedProcedure } from "@/server/api/trpc";
import { beginEnrolment as begin } from "@/server/auth/two-factor";

export const ZBeginEnrolmentOutput = z.object({ qrSvg: z.string(), manualKey: z.string() });

export const beginEnrolment = protectedProcedure.output(ZBeginEnrolmentOutput).mutation(async ({ ctx }) => {
  const pending = await begin(ctx.db, ctx.session.userId);
  ctx.log.info({ event: "two_factor_enrolment_begun", userId: ctx.session.userId }, "two-factor enrolment begun");
  return pending;
});
