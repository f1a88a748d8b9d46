/**
 * auth.signUp — creates the user, their organization and owner membership, and signs them in.
 * The address gets a verification link (outbox); until it is used nothing is created at the
 * chat provider.
 */
import { ZSignUpInput } from "@/lib/validation/auth";
import { registerUser } from "@/server/auth/accounts";
import { issueEmailVerification } from "@/server/auth/email-verification";
import { sessionCookieName, sessionCookieOptions } from "@/server/auth/cookies";
import { encodeSessionToken, openSession } from "@/server/auth/session";
import { ORG_COOKIE, publicProcedure } from "@/server/api/trpc";
import { publicOrigin } from "@/server/http/public-origin";
import { hit, throwIfRefused } from "@/server/security/rate-limit";
import { z } from "zod";

export const ZSignUpOutput = z.object({ organizationId: z.string() });

export const signUp = publicProcedure
  .input(ZSignUpInput)
  .output(ZSignUpOutput)
  .mutation(async ({ ctx, input }) => {
    const refusal = await hit("signUpIp", ctx.clientIp);
    throwIfRefused(refusal);
    const { user, organizationId } = await registerUser(ctx.db, input);
    await issueEmailVerification(ctx.db, ctx.log, {
      user,
      email: user.email,
      purpose: "sign_up",
      locale: ctx.locale,
      publicUrl: publicOrigin(ctx.requestOrigin),
    });
    const sessionId = await openSession(ctx.db, user.id, { userAgent: ctx.userAgent, ip: ctx.clientIp });
    ctx.setCookie(sessionCookieName(), await encodeSessionToken(user, sessionId), sessionCookieOptions());
    ctx.setCookie(ORG_COOKIE, organizationId, { ...sessionCookieOptions(), httpOnly: true });
    ctx.log.info({ event: "sign_up", userId: user.id, organizationId }, "user signed up");
    return { organizationId };
  });
