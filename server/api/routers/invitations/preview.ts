/** invitations.preview — what an invitation link offers (public: the token is the credential). */
import { z } from "zod";
import { ZInvitationToken } from "@/lib/validation/team";
import { publicProcedure } from "@/server/api/trpc";
import { findUserByEmail } from "@/server/auth/accounts";
import { check, throwIfRefused } from "@/server/security/rate-limit";
import { usableInvitation } from "@/server/team/invitations";

export const ZPreviewInput = z.strictObject({ token: ZInvitationToken });
export const ZPreviewOutput = z.object({
  organizationName: z.string(),
  email: z.string(),
  role: z.enum(["owner", "admin", "member"]),
  expiresAt: z.date(),
  /** Someone already has an account with the invited e-mail: they accept after signing in. */
  accountExists: z.boolean(),
});

export const preview = publicProcedure
  .input(ZPreviewInput)
  .output(ZPreviewOutput)
  .query(async ({ ctx, input }) => {
    // A query writes nothing: it only honours the budget that acceptances spend.
    const refusal = await check("invitationIp", ctx.clientIp);
    throwIfRefused(refusal);
    const { invitation, organizationName } = await usableInvitation(ctx.db, input.token);
    return {
      organizationName,
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
      accountExists: Boolean(await findUserByEmail(ctx.db, invitation.email)),
    };
  });
