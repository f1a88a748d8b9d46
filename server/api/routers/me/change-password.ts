/**
 * me.changePassword — the signed-in user sets a new password, proving the current one. Every
 * other session ends (this one stays), and open reset links die with the old password. A
 * wrong current password counts against the same budget as a failed sign-in.
 */
import { and, eq, gt, isNull, ne } from "drizzle-orm";
import { z } from "zod";
import { ZChangePasswordInput } from "@/lib/validation/auth";
import { appError } from "@/server/errors";
import { protectedProcedure } from "@/server/api/trpc";
import { verifyCredentials } from "@/server/auth/accounts";
import { cancelEmailChanges } from "@/server/auth/email-verification";
import { hashPassword } from "@/server/auth/password";
import { passwordResets, sessions, users } from "@/server/db/schema";
import { check, hit, throwIfRefused } from "@/server/security/rate-limit";
import { auditAccountEvent } from "@/server/audit/account-events";

export const changePassword = protectedProcedure
  .input(ZChangePasswordInput)
  .output(z.object({ otherSessionsEnded: z.number().int() }))
  .mutation(async ({ ctx, input }) => {
    const { userId, sessionId, email } = ctx.session;
    const accountKey = `${email.toLowerCase()}|${ctx.clientIp}`;
    const refusal = await check("signInAccountIp", accountKey);
    throwIfRefused(refusal);
    if (!(await verifyCredentials(ctx.db, email, input.currentPassword))) {
      await hit("signInAccountIp", accountKey);
      throw appError("WRONG_PASSWORD", { field: "currentPassword" });
    }
    const passwordHash = await hashPassword(input.newPassword);
    const ended = await ctx.db.transaction(async (tx) => {
      const now = new Date();
      await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, userId));
      await auditAccountEvent(tx, userId, "user.password_change");
      await tx
        .update(passwordResets)
        .set({ expiresAt: now })
        .where(
          and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)),
        );
      // A change of e-mail asked for with the old password (perhaps by someone else) is dropped too.
      await cancelEmailChanges(tx, userId);
      return tx
        .update(sessions)
        .set({ revokedAt: now })
        .where(and(eq(sessions.userId, userId), ne(sessions.id, sessionId), isNull(sessions.revokedAt)))
        .returning({ id: sessions.id });
    });
    ctx.log.info(
      { event: "password_changed", userId, otherSessionsEnded: ended.length },
      "password changed; other sessions revoked",
    );
    return { otherSessionsEnded: ended.length };
  });
