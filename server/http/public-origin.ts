/**
 * The origin every absolute URL the portal writes starts with: the sign-out redirect, the links
 * in e-mails (password reset, e-mail verification, invitation).
 *
 * Production: PUBLIC_URL, always. Building a link from the request's Host header there would let
 * anyone who can send a request choose where a password-reset link points.
 * Development and tests: PUBLIC_URL when it is set, otherwise the origin the browser used for
 * this request, so `npm run dev -- -p 3201` or http://127.0.0.1:3000 link back to themselves.
 */

type Env = Record<string, string | undefined>;

/** What is read of a request: a Headers object or next/headers' ReadonlyHeaders. */
export interface HeaderSource {
  get(name: string): string | null;
}

/** PUBLIC_URL's origin (NEXTAUTH_URL, next-auth's own name for it, as a fallback), or null. */
export function configuredOrigin(env: Env = process.env): string | null {
  const configured = env.PUBLIC_URL || env.NEXTAUTH_URL;
  return configured ? new URL(configured).origin : null;
}

/**
 * The origin the browser used, from the request's headers. Next sets X-Forwarded-Host and
 * X-Forwarded-Proto on every request it serves (a proxy in front may have set them first).
 */
export function requestOrigin(headers: HeaderSource, defaultProtocol: "http" | "https" = "http"): string | null {
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  if (!host) return null;
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const proto = forwarded ? (forwarded === "https" ? "https" : "http") : defaultProtocol;
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return null;
  }
}

/** The portal's public origin for a request (see above); throws when there is nothing to go by. */
export function publicOrigin(origin: string | null, env: Env = process.env): string {
  const configured = configuredOrigin(env);
  if (configured) return configured;
  if (env.NODE_ENV === "production") throw new Error("PUBLIC_URL is not set");
  if (origin) return origin;
  throw new Error("PUBLIC_URL is not set and there is no request to take the origin from");
}
