/**
 * Verified e-mail. A link proves that the person reads an address: the sign-up address
 * (purpose "sign_up": sets users.emailVerifiedAt) or the new address of an e-mail change
 * (purpose "change": the account's e-mail becomes that address only then). Links carry 32
 * random bytes, only their sha256 is stored, they work once (a conditional update) and for
 * 24 h; a newer link of the same purpose replaces older ones. The e-mails go through the
 * outbox, so a mail server that is down delays them instead of losing them.
 */
import "server-only";
import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Locale } from "@/lib/i18n/config";
import { appError } from "@/server/errors";
import type { Db } from "@/server/db/client";
import { isUniqueViolation } from "@/server/db/errors";
import { emailVerifications, passwordResets, users } from "@/server/db/schema";
import type { Logger } from "@/server/log";
import { enqueueEmail, kickMailDelivery } from "@/server/mail/outbox";
import { productNameIn } from "@/server/config/product-name";
import { renderEmailAs } from "@/server/mail/templates";
import { hashLinkToken, newLinkToken } from "@/server/security/link-tokens";
import { auditAccountEvent } from "@/server/audit/account-events";

export const EMAIL_VERIFICATION_TTL_MS = 24 * 60 * 60 * 1000;

export type VerificationPurpose = "sign_up" | "change";

export function verifyEmailPath(token: string): string {
  return `/verify-email/${token}`;
}

/** Any transaction or database handle. */
type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

interface LinkUser {
  id: string;
  name: string;
  email: string;
}

/** Expires the open links of `purpose` (or every purpose) of a user: they were not used. */
async function expireOpenLinks(tx: Tx | Db, userId: string, purpose?: VerificationPurpose): Promise<number> {
  const now = new Date();
  const rows = await tx
    .update(emailVerifications)
    .set({ expiresAt: now })
    .where(
      and(
        eq(emailVerifications.userId, userId),
        isNull(emailVerifications.usedAt),
        gt(emailVerifications.expiresAt, now),
        purpose ? eq(emailVerifications.purpose, purpose) : undefined,
      ),
    )
    .returning({ id: emailVerifications.id });
  return rows.length;
}

/**
 * Stores a new link for `email` (replacing the user's open links of the same purpose) and
 * puts its e-mail in the outbox, together with any `extra` e-mails (e.g. the notice to the
 * old address), all in one transaction; delivery starts right after the commit.
 */
export async function issueEmailVerification(
  db: Db,
  log: Logger,
  opts: { user: LinkUser; email: string; purpose: VerificationPurpose; locale: Locale; publicUrl: string },
): Promise<void> {
  const { user, purpose, locale } = opts;
  const email = opts.email.toLowerCase();
  const { token, tokenHash } = newLinkToken();
  const link = `${opts.publicUrl}${verifyEmailPath(token)}`;
  const hours = EMAIL_VERIFICATION_TTL_MS / 3_600_000;
  // Read before the transaction: the product name may need a query of its own.
  const product = await productNameIn(locale, db);
  await db.transaction(async (tx) => {
    await expireOpenLinks(tx, user.id, purpose);
    await tx.insert(emailVerifications).values({
      userId: user.id,
      email,
      purpose,
      tokenHash,
      expiresAt: new Date(Date.now() + EMAIL_VERIFICATION_TTL_MS),
    });
    const txDb = tx as unknown as Db;
    if (purpose === "sign_up") {
      const mail = renderEmailAs(product, locale, "verifyEmail", { name: user.name, hours, link });
      await enqueueEmail(txDb, { event: "email_verification_email", to: email, ...mail }, { kick: false });
    } else {
      const mail = renderEmailAs(product, locale, "emailChangeVerify", { name: user.name, email, hours, link });
      await enqueueEmail(txDb, { event: "email_change_verification_email", to: email, ...mail }, { kick: false });
      const notice = renderEmailAs(product, locale, "emailChangeRequested", { name: user.name, newEmail: email });
      await enqueueEmail(txDb, { event: "email_change_requested_email", to: user.email, ...notice }, { kick: false });
    }
  });
  log.info({ event: "email_verification_issued", userId: user.id, purpose }, "e-mail verification link issued");
  void kickMailDelivery(db);
}

export interface UsableVerification {
  id: string;
  userId: string;
  email: string;
  purpose: VerificationPurpose;
}

/** The open link behind a token, or the error that says why it cannot be used. Writes nothing. */
export async function usableEmailVerification(db: Db, token: string): Promise<UsableVerification> {
  const [row] = await db
    .select()
    .from(emailVerifications)
    .where(eq(emailVerifications.tokenHash, hashLinkToken(token)))
    .limit(1);
  if (!row) throw appError("VERIFICATION_INVALID");
  if (row.usedAt) throw appError("VERIFICATION_USED");
  if (row.expiresAt.getTime() <= Date.now()) throw appError("VERIFICATION_EXPIRED");
  return { id: row.id, userId: row.userId, email: row.email, purpose: row.purpose };
}

/**
 * Uses a link: consumed by a conditional update (two tabs → one wins, the other hears
 * VERIFICATION_USED), then the address is marked verified, or, for a change, becomes the
 * account's e-mail (EMAIL_TAKEN if another account took it meanwhile; the link stays unused).
 */
export async function confirmEmailVerification(
  db: Db,
  log: Logger,
  { token, locale }: { token: string; locale: Locale },
): Promise<{ userId: string; email: string; purpose: VerificationPurpose }> {
  const link = await usableEmailVerification(db, token);
  // Read before the transaction: the product name may need a query of its own.
  const product = await productNameIn(locale, db);
  let result;
  try {
    result = await db.transaction(async (tx) => {
      const now = new Date();
      const [used] = await tx
        .update(emailVerifications)
        .set({ usedAt: now })
        .where(
          and(
            eq(emailVerifications.id, link.id),
            isNull(emailVerifications.usedAt),
            gt(emailVerifications.expiresAt, now),
          ),
        )
        .returning({ userId: emailVerifications.userId });
      if (!used) return null;
      const [user] = await tx.select().from(users).where(eq(users.id, used.userId)).limit(1);
      if (!user) return null;
      if (link.purpose === "sign_up") {
        // A sign-up link proves the address the account still has (not one it has since left).
        if (user.email.toLowerCase() !== link.email) throw appError("VERIFICATION_INVALID");
        await tx
          .update(users)
          .set({ emailVerifiedAt: user.emailVerifiedAt ?? now, updatedAt: now })
          .where(eq(users.id, user.id));
        return { userId: user.id, email: link.email, purpose: link.purpose };
      }
      const [taken] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(sql`lower(${users.email})`, link.email), ne(users.id, user.id)))
        .limit(1);
      if (taken) throw appError("EMAIL_TAKEN", { field: "email", params: { email: link.email } });
      await tx
        .update(users)
        .set({ email: link.email, emailVerifiedAt: now, updatedAt: now })
        .where(eq(users.id, user.id));
      await auditAccountEvent(tx, user.id, "user.email_change", {
        changes: { email: { from: user.email, to: link.email } },
      });
      // Reset links went to the old address: they die with it, as do other pending changes.
      await tx
        .update(passwordResets)
        .set({ expiresAt: now })
        .where(
          and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)),
        );
      await expireOpenLinks(tx, user.id);
      const notice = renderEmailAs(product, locale, "emailChanged", { name: user.name, newEmail: link.email });
      await enqueueEmail(
        tx as unknown as Db,
        { event: "email_changed_email", to: user.email, ...notice },
        { kick: false },
      );
      return { userId: user.id, email: link.email, purpose: link.purpose };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw appError("EMAIL_TAKEN", { field: "email", params: { email: link.email } });
    throw error;
  }
  if (!result) {
    // Another tab used the link a moment ago: say why, as a fresh look would.
    await usableEmailVerification(db, token);
    throw appError("VERIFICATION_USED");
  }
  // The notice to the old address was written with the change.
  if (result.purpose === "change") void kickMailDelivery(db);
  log.info(
    { event: result.purpose === "change" ? "email_changed" : "email_verified", userId: result.userId },
    "e-mail verified",
  );
  return result;
}

/** The e-mail change waiting for its link, if any. */
export async function pendingEmailChange(db: Db, userId: string): Promise<{ email: string; expiresAt: Date } | null> {
  const [row] = await db
    .select({ email: emailVerifications.email, expiresAt: emailVerifications.expiresAt })
    .from(emailVerifications)
    .where(
      and(
        eq(emailVerifications.userId, userId),
        eq(emailVerifications.purpose, "change"),
        isNull(emailVerifications.usedAt),
        gt(emailVerifications.expiresAt, new Date()),
      ),
    )
    .orderBy(sql`${emailVerifications.createdAt} desc`)
    .limit(1);
  return row ?? null;
}

/** Cancels a pending e-mail change (the link in the new mailbox stops working). */
export async function cancelEmailChanges(db: Tx | Db, userId: string): Promise<number> {
  return expireOpenLinks(db, userId, "change");
}

/** Verifies the user's current address, if it is `email` (an invitation sent to it was used). */
export async function markEmailVerified(db: Tx | Db, userId: string, email: string): Promise<void> {
  await db
    .update(users)
    .set({ emailVerifiedAt: new Date() })
    .where(
      and(eq(users.id, userId), eq(sql`lower(${users.email})`, email.toLowerCase()), isNull(users.emailVerifiedAt)),
    );
}
