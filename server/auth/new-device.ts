/**
 * "Novo acesso à sua conta": after a sign-in from a browser this user has not used before (no
 * earlier session row with the same user agent; rows without one do not count), an e-mail to
 * the account's address says when, from what and where, and what to do if it was not them.
 * Sent through the outbox, so a mail server that is down delays it instead of losing it.
 */
import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { isLocale, LOCALE_COOKIE, type Locale, defaultLocale } from "@/lib/i18n/config";
import type { Db } from "@/server/db/client";
import { sessions } from "@/server/db/schema";
import type { Logger } from "@/server/log";
import { enqueueEmail } from "@/server/mail/outbox";
import { publicOrigin } from "@/server/http/public-origin";
import { renderEmail } from "@/server/mail/templates";
import { userAgentLabel } from "./user-agent";

function localeFromCookies(cookieHeader: string | undefined): Locale {
  const saved = cookieHeader?.match(new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]*)`))?.[1];
  return isLocale(saved) ? saved : defaultLocale;
}

export interface SignInFacts {
  user: { id: string; name: string; email: string };
  /** The session just opened (it has the same user agent, of course). */
  sessionId: string;
  userAgent: string | null;
  ip: string;
  /** The request's Cookie header (for the language of the e-mail). */
  cookieHeader?: string;
  /** The origin the browser signed in at (the e-mail's link, in development: see server/http/public-origin.ts). */
  origin?: string | null;
  now?: Date;
}

/** E-mails the user if this sign-in came from a browser not seen before; returns whether it did. */
export async function warnOfNewDevice(db: Db, log: Logger, facts: SignInFacts): Promise<boolean> {
  const { user, userAgent } = facts;
  if (userAgent) {
    const [seen] = await db
      .select({ id: sessions.id })
      .from(sessions)
      .where(
        and(
          eq(sessions.userId, user.id),
          ne(sessions.id, facts.sessionId),
          eq(sessions.userAgent, userAgent.slice(0, 300)),
        ),
      )
      .limit(1);
    if (seen) return false;
  }
  const locale = localeFromCookies(facts.cookieHeader);
  const when = new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "America/Sao_Paulo",
    timeZoneName: "short",
  }).format(facts.now ?? new Date());
  const mail = await renderEmail(db, locale, "newSignIn", {
    name: user.name,
    when,
    device: userAgentLabel(userAgent) ?? "?",
    address: facts.ip === "local" ? "?" : facts.ip,
    link: `${publicOrigin(facts.origin ?? null)}/account`,
  });
  await enqueueEmail(db, { event: "new_sign_in_email", to: user.email, ...mail });
  log.info({ event: "new_sign_in_warned", userId: user.id }, "sign-in from a new browser: e-mail queued");
  return true;
}
