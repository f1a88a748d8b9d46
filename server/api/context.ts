/**
 * Outer contexts: how a request (fetch adapter), a Server Component or a server action
 * becomes a tRPC context. All three resolve the session the same way.
 */
import "server-only";
import { cookies, headers } from "next/headers";
import { sessionCookieName } from "@/server/auth/cookies";
import { resolveSession, resolveSessionAndScope } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { defaultLocale, isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/config";
import type { Timings } from "@/server/http/server-timing";
import { requestOrigin } from "@/server/http/public-origin";
import { clientIpFrom } from "@/server/security/client-address";
import { createContextInner, ORG_COOKIE, ORG_HEADER, type ContextInner, type CookieOptions } from "./trpc";

function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return undefined;
}

export function serializeCookie(name: string, value: string, o: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${o.path ?? "/"}`];
  if (o.maxAge !== undefined) parts.push(`Max-Age=${o.maxAge}`);
  if (o.httpOnly) parts.push("HttpOnly");
  if (o.secure) parts.push("Secure");
  parts.push(`SameSite=${o.sameSite === "strict" ? "Strict" : "Lax"}`);
  return parts.join("; ");
}

function localeOf(saved: string | undefined): Locale {
  return isLocale(saved) ? saved : defaultLocale;
}

/** The fetch adapter's context: cookies from the request, Set-Cookie on the response. */
export async function createFetchContext(
  req: Request,
  resHeaders: Headers,
  timings: Timings | null = null,
): Promise<ContextInner> {
  const started = performance.now();
  const { db } = await getDb();
  const cookieHeader = req.headers.get("cookie");
  const orgHint = req.headers.get(ORG_HEADER) ?? readCookie(cookieHeader, ORG_COOKIE) ?? null;
  const { session, scope } = await resolveSessionAndScope(
    db,
    readCookie(cookieHeader, sessionCookieName()),
    orgHint,
    timings,
  );
  timings?.add("context", performance.now() - started);
  return createContextInner({
    db,
    session,
    timings,
    orgHint,
    orgScope: scope,
    clientIp: clientIpFrom((name) => req.headers.get(name)),
    userAgent: req.headers.get("user-agent"),
    requestOrigin: requestOrigin(req.headers),
    locale: localeOf(readCookie(cookieHeader, LOCALE_COOKIE)),
    setCookie: (name, value, options) => resHeaders.append("set-cookie", serializeCookie(name, value, options)),
  });
}

/** Server Components and server actions: next/headers. */
export async function createServerContext(): Promise<ContextInner> {
  const [{ db }, jar, hdrs] = await Promise.all([getDb(), cookies(), headers()]);
  const session = await resolveSession(db, jar.get(sessionCookieName())?.value);
  return createContextInner({
    db,
    session,
    orgHint: hdrs.get(ORG_HEADER) ?? jar.get(ORG_COOKIE)?.value ?? null,
    clientIp: clientIpFrom((name) => hdrs.get(name)),
    userAgent: hdrs.get("user-agent"),
    requestOrigin: requestOrigin(hdrs),
    locale: localeOf(jar.get(LOCALE_COOKIE)?.value),
    setCookie: (name, value, options) => {
      // Server Components cannot set cookies; server actions and route handlers can.
      try {
        jar.set(name, value, options);
      } catch {
        /* rendering: ignored on purpose */
      }
    },
  });
}
