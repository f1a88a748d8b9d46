/**
 * The Content Security Policy of every page: per-request nonce + 'strict-dynamic' for
 * scripts (no 'unsafe-inline'/'unsafe-eval' in production), nothing framed, nothing posted
 * elsewhere. The vendor SDK's origin (PLUGCHAT_SDK_URL) is allowed for its script, its API
 * calls, images and frames.
 */
export interface CspOptions {
  nonce: string;
  /** The chat SDK script URL (its origin is allowed). */
  sdkUrl?: string;
  development: boolean;
  /** HTTPS deployment: upgrade any stray http subresource. */
  secure: boolean;
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function buildCsp({ nonce, sdkUrl, development, secure }: CspOptions): string {
  const sdk = originOf(sdkUrl);
  const extra = (list: string[]) => (sdk ? [...list, sdk] : list);
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // 'strict-dynamic': scripts loaded by our nonce'd scripts (e.g. the SDK) are trusted;
    // the host list is the fallback for browsers without CSP3.
    "script-src": extra(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])]),
    "style-src": extra(["'self'", "'unsafe-inline'"]),
    "img-src": extra(["'self'", "data:", "blob:"]),
    "font-src": ["'self'", "data:"],
    "connect-src": extra(["'self'", ...(development ? ["ws:", "wss:"] : [])]),
    "frame-src": extra(["'self'"]),
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  const policy = Object.entries(directives).map(([name, values]) => `${name} ${values.join(" ")}`);
  if (secure) policy.push("upgrade-insecure-requests");
  return policy.join("; ");
}
