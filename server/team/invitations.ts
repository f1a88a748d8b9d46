/** Invitations: the link, its status, and its delivery. */
import "server-only";
import { eq } from "drizzle-orm";
import { appError } from "@/server/errors";
import type { Db } from "@/server/db/client";
import { invitations, organizations, type Invitation } from "@/server/db/schema";
import type { Locale } from "@/lib/i18n/config";
import type { Logger } from "@/server/log";
import { sendPortalEmail } from "@/server/mail/mailer";
import { hashLinkToken } from "@/server/security/link-tokens";
import { renderEmail } from "@/server/mail/templates";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function invitationPath(token: string): string {
  return `/invite/${token}`;
}

export type InvitationStatus = "pending" | "expired" | "accepted" | "revoked";

export function invitationStatus(
  inv: Pick<Invitation, "acceptedAt" | "revokedAt" | "expiresAt">,
  now = new Date(),
): InvitationStatus {
  if (inv.acceptedAt) return "accepted";
  if (inv.revokedAt) return "revoked";
  if (inv.expiresAt.getTime() <= now.getTime()) return "expired";
  return "pending";
}

/** The invitation behind a token with its organization's name, or the error that explains why it cannot be used. */
export async function usableInvitation(
  db: Db,
  token: string,
): Promise<{ invitation: Invitation; organizationName: string }> {
  const [row] = await db
    .select({ invitation: invitations, organizationName: organizations.name })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(eq(invitations.tokenHash, hashLinkToken(token)))
    .limit(1);
  if (!row) throw appError("INVITATION_INVALID");
  const status = invitationStatus(row.invitation);
  if (status === "revoked") throw appError("INVITATION_INVALID");
  if (status === "accepted") throw appError("INVITATION_USED");
  if (status === "expired") throw appError("INVITATION_EXPIRED");
  return row;
}

/**
 * E-mails the invitation in the inviter's language (SMTP when configured, the server log in
 * development). Not awaited by the caller: the admin sees the link on screen either way.
 */
export async function deliverInvitationEmail(
  db: Db,
  log: Logger,
  locale: Locale,
  message: { to: string; organizationName: string; inviterName: string; link: string },
): Promise<unknown> {
  const { subject, text } = await renderEmail(db, locale, "invitation", {
    inviter: message.inviterName,
    organization: message.organizationName,
    link: message.link,
  });
  return sendPortalEmail(log, { event: "invitation_email", to: message.to, subject, text, link: message.link });
}
