/**
 * Session cookie naming. Over HTTPS (PUBLIC_URL/NEXTAUTH_URL https://) the cookie is
 * `__Host-` prefixed and Secure; on plain http (development, local e2e) browsers would
 * drop a Secure cookie, so the plain name is used. Always HttpOnly, SameSite=Lax, Path=/.
 */
export function usesSecureCookies(e: NodeJS.ProcessEnv = process.env): boolean {
  return (e.PUBLIC_URL ?? e.NEXTAUTH_URL ?? "").startsWith("https://");
}

export function sessionCookieName(): string {
  return usesSecureCookies() ? "__Host-portal.session" : "portal.session";
}

/** Absolute lifetime of a session. */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

export function sessionCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    path: "/",
    secure: usesSecureCookies(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  };
}
