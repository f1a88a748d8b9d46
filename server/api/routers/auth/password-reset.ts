/**
 * auth.requestPasswordReset, auth.passwordResetLink and auth.resetPassword ("Esqueci minha
 * senha"). All public and rate limited per IP; requests also per e-mail. A request gets the
 * same answer whether or not the e-mail has an account, without waiting for the e-mail.
 */
import { z } from "zod";
import { ZPasswordResetLinkInput, ZRequestPasswordResetInput, ZResetPasswordInput } from "@/lib/validation/auth";
import { publicProcedure } from "@/server/api/trpc";
import { issuePasswordReset, resetPasswordWithToken, usablePasswordReset } from "@/server/auth/password-reset";
import { publicOrigin } from "@/server/http/public-origin";
import { check, clear, hit, throwIfRefused } from "@/server/security/rate-limit";

export const requestPasswordReset = publicProcedure
  .input(ZRequestPasswordResetInput)
  .output(z.object({ sent: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    throwIfRefused(await hit("passwordResetIp", ctx.clientIp));
    throwIfRefused(await hit("passwordResetEmail", input.email));
    await issuePasswordReset(ctx.db, ctx.log, {
      email: input.email,
      locale: ctx.locale,
      publicUrl: publicOrigin(ctx.requestOrigin),
    });
    return { sent: true as const };
  });

/** What the reset page shows before anyone types: the account, or why the link is dead. */
export const passwordResetLink = publicProcedure
  .input(ZPasswordResetLinkInput)
  .output(z.object({ email: z.string() }))
  .query(async ({ ctx, input }) => {
    // A query writes nothing: it only honours the budget that submissions spend.
    throwIfRefused(await check("passwordResetConfirmIp", ctx.clientIp));
    const { email } = await usablePasswordReset(ctx.db, input.token);
    return { email };
  });

export const resetPassword = publicProcedure
  .input(ZResetPasswordInput)
  .output(z.object({ done: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    throwIfRefused(await hit("passwordResetConfirmIp", ctx.clientIp));
    const user = await resetPasswordWithToken(ctx.db, input);
    // Whoever proved they own the e-mail may sign in now, even after too many wrong passwords.
    await clear("signInAccountIp", `${user.email.toLowerCase()}|${ctx.clientIp}`);
    ctx.log.info({ event: "password_reset", userId: user.id }, "password reset through a link; every session revoked");
    return { done: true as const };
  });
