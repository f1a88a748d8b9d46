/**
 * next-auth (v4) configuration: a credentials provider (e-mail + password) and JWT
 * sessions whose token names a `sessions` row (see ./session.ts).
 */
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getSecrets } from "@/server/config/secrets";
import { getDb } from "@/server/db/client";
import { ZSignInInput } from "@/lib/validation/auth";
import { logger } from "@/server/log";
import { clientIpFrom } from "@/server/security/client-address";
import { check, clear, hit, minutesOf } from "@/server/security/rate-limit";
import { verifyCredentials } from "./accounts";
import { SESSION_MAX_AGE_SECONDS, sessionCookieName, sessionCookieOptions, usesSecureCookies } from "./cookies";
import { warnOfNewDevice } from "./new-device";
import { openSession, revokeSession } from "./session";
import { secondFactorRefusal } from "./two-factor-sign-in";

/** Error codes next-auth hands back to `signIn()` on the client (`result.error`). */
export const SIGN_IN_ERRORS = { invalid: "INVALID_CREDENTIALS", rateLimited: "RATE_LIMITED" } as const;

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * `origin`: where the redirects next-auth answers with (sign-out, the sign-in's callback) point —
 * the portal's public origin for this request (server/http/public-origin.ts). next-auth v4 itself
 * would use NEXTAUTH_URL, or http://localhost:3000 when it is unset.
 */
export function authOptions({ origin }: { origin?: string } = {}): NextAuthOptions {
  const secure = usesSecureCookies();
  return {
    secret: getSecrets().nextAuthSecret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: secure,
    cookies: {
      sessionToken: { name: sessionCookieName(), options: sessionCookieOptions() },
    },
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "credentials",
        credentials: {
          email: { type: "email" },
          password: { type: "password" },
          code: { type: "text" },
          recoveryCode: { type: "text" },
        },
        async authorize(credentials, req) {
          const parsed = ZSignInInput.safeParse({ email: credentials?.email, password: credentials?.password });
          if (!parsed.success) throw new Error(SIGN_IN_ERRORS.invalid);
          const ip = clientIpFrom((name) => headerValue(req.headers?.[name]));
          const accountKey = `${parsed.data.email}|${ip}`;
          const refusal = (await check("signInAccountIp", accountKey)) ?? (await check("signInIp", ip));
          if (refusal) throw new Error(`${SIGN_IN_ERRORS.rateLimited}:${minutesOf(refusal)}`);
          const { db } = await getDb();
          const user = await verifyCredentials(db, parsed.data.email, parsed.data.password);
          if (!user) {
            await Promise.all([hit("signInAccountIp", accountKey), hit("signInIp", ip)]);
            logger.info({ event: "sign_in_failed" }, "sign-in refused");
            throw new Error(SIGN_IN_ERRORS.invalid);
          }
          await clear("signInAccountIp", accountKey);
          // Two-factor on: the code (or a recovery code) too, before any session opens.
          const secondFactor = await secondFactorRefusal(
            db,
            user,
            { code: credentials?.code, recoveryCode: credentials?.recoveryCode },
            ip,
          );
          if (secondFactor) throw new Error(secondFactor);
          const userAgent = (req.headers?.["user-agent"] as string | undefined) ?? null;
          const sessionId = await openSession(db, user.id, { userAgent, ip });
          // A warning e-mail is never a reason to refuse the sign-in.
          await warnOfNewDevice(db, logger, {
            user,
            sessionId,
            userAgent,
            ip,
            cookieHeader: headerValue(req.headers?.cookie),
            origin,
          }).catch((err: unknown) => logger.error({ err }, "new sign-in e-mail could not be queued"));
          return { id: user.id, email: user.email, name: user.name, sid: sessionId };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user && "sid" in user) token.sid = user.sid;
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { name: token.name, email: token.email } };
      },
      redirect({ url, baseUrl }) {
        const base = origin ?? baseUrl;
        // callbackUrl never leaves this site.
        if (url.startsWith("/") && !url.startsWith("//")) return `${base}${url}`;
        try {
          const target = new URL(url);
          if (target.origin === base || target.origin === baseUrl)
            return `${base}${target.pathname}${target.search}${target.hash}`;
        } catch {
          /* not a URL: fall through */
        }
        return base;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") {
          const { db } = await getDb();
          await revokeSession(db, token.sid);
        }
      },
    },
    logger: {
      error: (code, metadata) =>
        logger.warn({ code, metadata: metadata instanceof Error ? metadata.message : undefined }, "next-auth error"),
      warn: (code) => {
        // next-auth's own base URL is not used for anything the browser follows: the redirect callback
        // above points at PUBLIC_URL (production) or the browser's origin (development).
        if (code === "NEXTAUTH_URL" && origin) return;
        logger.warn({ code }, "next-auth warning");
      },
      debug: () => undefined,
    },
  };
}
