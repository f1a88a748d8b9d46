/**
 * verification.confirm — "Confirmar e-mail": uses a link once. Needs no session (the link is the
 * proof); says whether the caller is signed in as that account, so the page knows where to go.
 */
import { z } from "zod";
import { ZVerificationLinkInput } from "@/lib/validation/email";
import { publicProcedure } from "@/server/api/trpc";
import { confirmEmailVerification } from "@/server/auth/email-verification";
import { hit, throwIfRefused } from "@/server/security/rate-limit";

export const ZConfirmVerificationOutput = z.object({ purpose: z.enum(["sign_up", "change"]), signedIn: z.boolean() });

export const confirm = publicProcedure
  .input(ZVerificationLinkInput)
  .output(ZConfirmVerificationOutput)
  .mutation(async ({ ctx, input }) => {
    throwIfRefused(await hit("emailVerificationConfirmIp", ctx.clientIp));
    const result = await confirmEmailVerification(ctx.db, ctx.log, { token: input.token, locale: ctx.locale });
    return { purpose: result.purpose, signedIn: ctx.session?.userId === result.userId };
  });
