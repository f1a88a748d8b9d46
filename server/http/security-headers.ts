/**
 * The security headers of every response (pages, API, static files), decided by the
 * running process (proxy.ts), never frozen into the build: `next.config.mjs` `headers()`
 * is evaluated at `next build`, so a PUBLIC_URL given only at start would never turn HSTS on.
 * The page-only Content-Security-Policy (with its nonce) is ./csp.ts.
 */

/** Two years, subdomains too: the figure browsers' preload lists ask for. */
export const HSTS = "max-age=63072000; includeSubDomains";

/** An https:// PUBLIC_URL is a deployment behind TLS: browsers must never come back over http. */
export function isHttpsDeployment(e: Record<string, string | undefined> = process.env): boolean {
  return (e.PUBLIC_URL ?? "").startsWith("https://");
}

export function securityHeaders({ secure }: { secure: boolean }): [name: string, value: string][] {
  return [
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    // The CSP's frame-ancestors 'none' says the same to current browsers; this covers old ones and non-page answers.
    ["X-Frame-Options", "DENY"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"],
    ...(secure ? [["Strict-Transport-Security", HSTS] as [string, string]] : []),
  ];
}
