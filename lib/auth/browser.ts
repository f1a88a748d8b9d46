/**
 * Signing in and out from the browser through next-auth's own endpoints (/api/auth/*), in the
 * two requests `next-auth/react` would make, without shipping it (~10 kB gzip with its runtime):
 * next-auth v4 has no server-side signIn() to call from a server action, and this keeps next-auth
 * owning the CSRF check, the credentials check (server/auth/options.ts) and the session cookie.
 */

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

async function csrfToken(): Promise<string> {
  const res = await fetch("/api/auth/csrf");
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

/**
 * A credentials sign-in. Resolves to the refusal's code (`error`, e.g. "INVALID_CREDENTIALS",
 * "TWO_FACTOR_REQUIRED", "RATE_LIMITED:15") or null once the session cookie is set; rejects when
 * the request itself fails.
 */
export async function signInWithCredentials(fields: Record<string, string>): Promise<{ error: string | null }> {
  const body = new URLSearchParams({
    ...fields,
    csrfToken: await csrfToken(),
    callbackUrl: window.location.href,
    json: "true",
  });
  const res = await fetch("/api/auth/callback/credentials", { method: "POST", headers: FORM, body });
  const { url } = (await res.json()) as { url?: string };
  const error = url ? new URL(url, window.location.href).searchParams.get("error") : null;
  // A refusal without a code (should not happen) is still a refusal, never a session.
  return { error: error ?? (res.ok ? null : "UNKNOWN") };
}

/** Ends this browser's session (next-auth's signOut event revokes its row) and loads `callbackPath`. */
export async function signOutTo(callbackPath: string): Promise<void> {
  const body = new URLSearchParams({ csrfToken: await csrfToken(), callbackUrl: callbackPath, json: "true" });
  const res = await fetch("/api/auth/signout", { method: "POST", headers: FORM, body });
  const { url } = (await res.json()) as { url?: string };
  window.location.href = url ?? callbackPath;
}
