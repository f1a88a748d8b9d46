/** verification.status — is the account's e-mail confirmed, and is a change of e-mail waiting ("Já confirmei"). */
import { z } from "zod";
import { protectedProcedure } from "@/server/api/trpc";
import { pendingEmailChange } from "@/server/auth/email-verification";

export const ZVerificationStatusOutput = z.object({
  email: z.string(),
  emailVerified: z.boolean(),
  pendingEmail: z.string().nullable(),
});

export const status = protectedProcedure.output(ZVerificationStatusOutput).query(async ({ ctx }) => {
  const change = await pendingEmailChange(ctx.db, ctx.session.userId);
  return { email: ctx.session.email, emailVerified: ctx.session.emailVerified, pendingEmail: change?.email ?? null };
});
