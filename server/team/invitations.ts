/**
 * Invitation tokens and their delivery. The link carries a 32-byte random token; the
 * database keeps only its sha256, so a leaked table cannot be turned into links.
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { appError } from "@/server/api/errors";
import type { Db } from "@/server/db/client";
import { invitations, organizations, type Invitation } from "@/server/db/schema";
import type { Logger } from "@/server/log";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function invitationPath(token: string): string {
  return `/invite/${token}`;
}

export type InvitationStatus = "pending" | "expired" | "accepted" | "revoked";

export function invitationStatus(inv: Pick<Invitation, "acceptedAt" | "revokedAt" | "expiresAt">, now = new Date()): InvitationStatus {
  if (inv.acceptedAt) return "accepted";
  if (inv.revokedAt) return "revoked";
  if (inv.expiresAt.getTime() <= now.getTime()) return "expired";
  return "pending";
}

/** The invitation behind a token with its organization's name, or the error that explains why it cannot be used. */
export async function usableInvitation(db: Db, token: string): Promise<{ invitation: Invitation; organizationName: string }> {
  const [row] = await db
    .select({ invitation: invitations, organizationName: organizations.name })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(eq(invitations.tokenHash, hashInvitationToken(token)))
    .limit(1);
  if (!row) throw appError("INVITATION_INVALID");
  const status = invitationStatus(row.invitation);
  if (status === "revoked") throw appError("INVITATION_INVALID");
  if (status === "accepted") throw appError("INVITATION_USED");
  if (status === "expired") throw appError("INVITATION_EXPIRED");
  return row;
}

/**
 * Sends the invitation e-mail. No mail library is installed: with SMTP_URL unset the
 * message goes to the server log outside production (development), so the link can be
 * copied from there; the admin always sees the link on screen as well.
 */
export function deliverInvitationEmail(
  log: Logger,
  message: { to: string; organizationName: string; inviterName: string; link: string },
): void {
  if (process.env.SMTP_URL) {
    log.warn({ event: "invitation_email_skipped", to: message.to }, "SMTP_URL is set but no mailer is installed; share the link by hand");
    return;
  }
  if (process.env.NODE_ENV === "production") return;
  log.info(
    {
      event: "invitation_email",
      to: message.to,
      subject: `${message.inviterName} convidou você para ${message.organizationName} no Portal PlugChat`,
      link: message.link,
    },
    "invitation e-mail (development: written to the log instead of sent)",
  );
}
