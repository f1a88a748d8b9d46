/**
 * invitations.accept — joins the invited organization. Signed in with the invited e-mail:
 * just the membership. Either way the invited address counts as verified (the link reached it). Not signed in: a new user (name + password), the membership, and
 * a session. The invitation is consumed by a conditional update, so a link works once.
 */
import { and, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import { ZAcceptInvitationInput } from "@/lib/validation/team";
import { appError } from "@/server/errors";
import { ORG_COOKIE, publicProcedure } from "@/server/api/trpc";
import { audit } from "@/server/audit/writer";
import { findUserByEmail } from "@/server/auth/accounts";
import { markEmailVerified } from "@/server/auth/email-verification";
import { sessionCookieName, sessionCookieOptions } from "@/server/auth/cookies";
import { hashPassword } from "@/server/auth/password";
import { encodeSessionToken, openSession } from "@/server/auth/session";
import { isListedStaff } from "@/server/auth/staff";
import { invitations, memberships, users, type Invitation } from "@/server/db/schema";
import { isUniqueViolation } from "@/server/db/errors";
import { hashLinkToken } from "@/server/security/link-tokens";
import { hit, throwIfRefused } from "@/server/security/rate-limit";
import type { Tx } from "@/server/team/members";
import { usableInvitation } from "@/server/team/invitations";

export const ZAcceptOutput = z.object({ organizationId: z.string() });

async function consume(tx: Tx, invitationId: string): Promise<void> {
  const rows = await tx
    .update(invitations)
    .set({ acceptedAt: new Date() })
    .where(
      and(
        eq(invitations.id, invitationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .returning({ id: invitations.id });
  // Someone used the same link a moment ago.
  if (rows.length === 0) throw appError("INVITATION_USED");
}

/** The person who accepted is the actor: the entry reads "Ana entrou na equipe como Membro". */
function auditAccepted(tx: Tx, invitation: Invitation, userId: string, name: string) {
  return audit(
    tx,
    { organizationId: invitation.organizationId, actorUserId: userId },
    {
      action: "invitation.accept",
      targetType: "invitation",
      targetId: invitation.id,
      result: "success",
      details: { name, email: invitation.email, role: invitation.role },
    },
  );
}

export const accept = publicProcedure
  .input(ZAcceptInvitationInput)
  .output(ZAcceptOutput)
  .mutation(async ({ ctx, input }) => {
    const refusal =
      (await hit("invitationIp", ctx.clientIp)) ?? (await hit("invitationToken", hashLinkToken(input.token)));
    throwIfRefused(refusal);
    const { invitation } = await usableInvitation(ctx.db, input.token);
    const organizationId = invitation.organizationId;
    const cookieOptions = sessionCookieOptions();

    if (ctx.session) {
      if (ctx.session.email.toLowerCase() !== invitation.email) throw appError("INVITATION_EMAIL_MISMATCH");
      const { userId, name } = ctx.session;
      await ctx.db.transaction(async (tx) => {
        await consume(tx, invitation.id);
        await tx.insert(memberships).values({ organizationId, userId, role: invitation.role }).onConflictDoNothing();
        // The invitation reached this address: it is proven.
        await markEmailVerified(tx, userId, invitation.email);
        await auditAccepted(tx, invitation, userId, name);
      });
      ctx.setCookie(ORG_COOKIE, organizationId, { ...cookieOptions, httpOnly: true });
      ctx.log.info(
        { event: "invitation_accepted", invitationId: invitation.id, userId, organizationId },
        "invitation accepted",
      );
      return { organizationId };
    }

    if (!input.name) throw appError("VALIDATION", { field: "name" });
    if (!input.password) throw appError("VALIDATION", { field: "password" });
    if (await findUserByEmail(ctx.db, invitation.email)) throw appError("INVITATION_SIGN_IN");
    const passwordHash = await hashPassword(input.password);
    const name = input.name;
    const user = await ctx.db
      .transaction(async (tx) => {
        await consume(tx, invitation.id);
        const [created] = await tx
          .insert(users)
          .values({
            name,
            email: invitation.email,
            passwordHash,
            emailVerifiedAt: new Date(),
            isStaff: isListedStaff(invitation.email),
          })
          .returning();
        if (!created) throw new Error("user insert returned nothing");
        await tx.insert(memberships).values({ organizationId, userId: created.id, role: invitation.role });
        await auditAccepted(tx, invitation, created.id, created.name);
        return created;
      })
      .catch((error: unknown) => {
        // An account with this e-mail was created a moment ago (sign-up racing the invitation).
        if (isUniqueViolation(error)) throw appError("INVITATION_SIGN_IN");
        throw error;
      });
    const sessionId = await openSession(ctx.db, user.id, { userAgent: ctx.userAgent, ip: ctx.clientIp });
    ctx.setCookie(sessionCookieName(), await encodeSessionToken(user, sessionId), cookieOptions);
    ctx.setCookie(ORG_COOKIE, organizationId, { ...cookieOptions, httpOnly: true });
    ctx.log.info(
      { event: "invitation_accepted", invitationId: invitation.id, userId: user.id, organizationId },
      "invitation accepted with a new account",
    );
    return { organizationId };
  });
