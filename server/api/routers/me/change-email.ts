/**
 * me.changeEmail — the signed-in user asks to use another e-mail, proving the current password
 * (a wrong one counts against the same budget as a failed sign-in). The new address gets a
 * link (24 h); the old one is told. The account's e-mail changes only when the link is used.
 */
import { z } from "zod";
import { ZChangeEmailInput } from "@/lib/validation/email";
import { appError } from "@/server/errors";
import { protectedProcedure } from "@/server/api/trpc";
import { findUserByEmail, verifyCredentials } from "@/server/auth/accounts";
import { issueEmailVerification } from "@/server/auth/email-verification";
import { publicOrigin } from "@/server/http/public-origin";
import { check, hit, throwIfRefused } from "@/server/security/rate-limit";

export const ZChangeEmailOutput = z.object({ pendingEmail: z.string() });

export const changeEmail = protectedProcedure
  .input(ZChangeEmailInput)
  .output(ZChangeEmailOutput)
  .mutation(async ({ ctx, input }) => {
    const { userId, email, name } = ctx.session;
    const newEmail = input.newEmail.toLowerCase();
    const accountKey = `${email.toLowerCase()}|${ctx.clientIp}`;
    throwIfRefused(await check("signInAccountIp", accountKey));
    if (!(await verifyCredentials(ctx.db, email, input.currentPassword))) {
      await hit("signInAccountIp", accountKey);
      throw appError("WRONG_PASSWORD", { field: "currentPassword" });
    }
    if (newEmail === email.toLowerCase()) throw appError("VALIDATION", { field: "newEmail" });
    // Checked again when the link is used: someone may take the address in between.
    if (await findUserByEmail(ctx.db, newEmail)) throw appError("EMAIL_TAKEN", { field: "newEmail" });
    throwIfRefused(await hit("emailVerificationIp", ctx.clientIp));
    throwIfRefused(await hit("emailChangeUser", userId));
    await issueEmailVerification(ctx.db, ctx.log, {
      user: { id: userId, name, email },
      email: newEmail,
      purpose: "change",
      locale: ctx.locale,
      publicUrl: publicOrigin(ctx.requestOrigin),
    });
    return { pendingEmail: newEmail };
  });
