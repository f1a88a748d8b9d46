/**
 * "Esqueci minha senha". A request for a known e-mail stores a single-use link token (its
 * hash) and e-mails the link; an unknown e-mail gets the same answer and nothing is sent.
 * Using the link sets the new password and ends every session of the account, so whoever
 * knew the old password is signed out at their next request.
 */
import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Locale } from "@/lib/i18n/config";
import { appError } from "@/server/errors";
import type { Db } from "@/server/db/client";
import { passwordResets, sessions, users, type User } from "@/server/db/schema";
import type { Logger } from "@/server/log";
import { sendPortalEmail } from "@/server/mail/mailer";
import { renderEmail } from "@/server/mail/templates";
import { hashLinkToken, newLinkToken } from "@/server/security/link-tokens";
import { findUserByEmail } from "./accounts";
import { cancelEmailChanges } from "./email-verification";
import { hashPassword } from "./password";
import { auditAccountEvent } from "@/server/audit/account-events";

export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

export function passwordResetPath(token: string): string {
  return `/reset-password/${token}`;
}

/**
 * Issues a link for the account behind `email`, if there is one, replacing any open link.
 * The e-mail is sent in the background: a slow mail server must not make the answer for a
 * known e-mail take longer than for an unknown one.
 */
export async function issuePasswordReset(
  db: Db,
  log: Logger,
  { email, locale, publicUrl }: { email: string; locale: Locale; publicUrl: string },
): Promise<void> {
  const user = await findUserByEmail(db, email);
  if (!user) {
    log.info({ event: "password_reset_unknown_email" }, "password reset asked for an unknown e-mail");
    return;
  }
  const { token, tokenHash } = newLinkToken();
  const now = new Date();
  await db.transaction(async (tx) => {
    // A newer link replaces older ones: they expire now (they were not used).
    await tx
      .update(passwordResets)
      .set({ expiresAt: now })
      .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)));
    await tx
      .insert(passwordResets)
      .values({ userId: user.id, tokenHash, expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS) });
  });
  const link = `${publicUrl}${passwordResetPath(token)}`;
  const { subject, text } = await renderEmail(db, locale, "passwordReset", {
    name: user.name,
    minutes: PASSWORD_RESET_TTL_MS / 60_000,
    link,
  });
  log.info({ event: "password_reset_requested", userId: user.id }, "password reset link issued");
  void sendPortalEmail(log, { event: "password_reset_email", to: user.email, subject, text, link });
}

/** The account an open link resets, or the error that says why the link cannot be used. */
export async function usablePasswordReset(db: Db, token: string): Promise<{ resetId: string; email: string }> {
  const [row] = await db
    .select({ reset: passwordResets, email: users.email })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, hashLinkToken(token)))
    .limit(1);
  if (!row) throw appError("RESET_INVALID");
  if (row.reset.usedAt) throw appError("RESET_USED");
  if (row.reset.expiresAt.getTime() <= Date.now()) throw appError("RESET_EXPIRED");
  return { resetId: row.reset.id, email: row.email };
}

/**
 * Sets a new password through a link: the token is consumed by a conditional update (a link
 * works once, even when two tabs submit at once), and every session of the user is revoked.
 */
export async function resetPasswordWithToken(
  db: Db,
  { token, password }: { token: string; password: string },
): Promise<User> {
  const { resetId } = await usablePasswordReset(db, token);
  // Hash before the transaction: argon2 takes tens of milliseconds and holds no lock.
  const passwordHash = await hashPassword(password);
  const user = await db.transaction(async (tx) => {
    const now = new Date();
    const [used] = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.id, resetId), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
      .returning({ userId: passwordResets.userId });
    if (!used) return null;
    const [updated] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: now })
      .where(eq(users.id, used.userId))
      .returning();
    await auditAccountEvent(tx, used.userId, "user.password_reset");
    await tx
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.userId, used.userId), isNull(sessions.revokedAt)));
    await cancelEmailChanges(tx, used.userId);
    // Any other link still open for this account (reset or change of e-mail) dies with the old password.
    await tx
      .update(passwordResets)
      .set({ expiresAt: now })
      .where(
        and(eq(passwordResets.userId, used.userId), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)),
      );
    return updated ?? null;
  });
  if (!user) {
    // Another tab used or replaced the link a moment ago: say why, as a fresh look would.
    await usablePasswordReset(db, token);
    throw appError("RESET_USED");
  }
  return user;
}
