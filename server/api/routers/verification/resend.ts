/**
 * verification.resend — "Reenviar e-mail": a new sign-up link (older ones stop working), or,
 * while an e-mail change waits, a new link to the new address. Rate limited per user and per IP.
 * The e-mail goes out in the background (outbox): the answer does not wait for the mail server.
 */
import { z } from "zod";
import { protectedProcedure } from "@/server/api/trpc";
import { issueEmailVerification, pendingEmailChange } from "@/server/auth/email-verification";
import { publicOrigin } from "@/server/http/public-origin";
import { hit, throwIfRefused } from "@/server/security/rate-limit";

export const ZResendVerificationOutput = z.object({
  /** "sent": a new link is on its way to `email`; "verified": nothing to confirm. */
  status: z.enum(["sent", "verified"]),
  email: z.string(),
});

export const resend = protectedProcedure.output(ZResendVerificationOutput).mutation(async ({ ctx }) => {
  const { userId, email, name, emailVerified } = ctx.session;
  const change = await pendingEmailChange(ctx.db, userId);
  if (emailVerified && !change) return { status: "verified" as const, email };
  throwIfRefused(await hit("emailVerificationIp", ctx.clientIp));
  throwIfRefused(await hit("emailVerificationUser", userId));
  const target = change ? change.email : email;
  await issueEmailVerification(ctx.db, ctx.log, {
    user: { id: userId, name, email },
    email: target,
    purpose: change ? "change" : "sign_up",
    locale: ctx.locale,
    publicUrl: publicOrigin(ctx.requestOrigin),
  });
  return { status: "sent" as const, email: target };
});
