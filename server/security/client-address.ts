/**
 * The one address a client cannot choose, which every rate limit counts.
 *
 * The portal's server (scripts/serve.mjs) appends the TCP peer to X-Forwarded-For, so the
 * header reads "whatever the client wrote…, what each trusted proxy appended…, the peer".
 * Hops are counted from the right: with TRUSTED_PROXY_HOPS=0 the peer itself is the client;
 * with N proxies in front, the peer is the last proxy and the client is the address the
 * first proxy appended, N places left of the peer. Anything further left was written by the
 * client and is never read. X-Real-IP is ignored for the same reason.
 */
import "server-only";
import { env } from "@/server/config/env";

/** `::ffff:203.0.113.5` (IPv4 seen on a dual-stack socket) and `203.0.113.5` are one client. */
function normalize(address: string): string {
  const unmapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)?.[1] ?? address;
  return unmapped.slice(0, 64);
}

/**
 * The client's address from a request's headers, `hops` trusted proxies in front
 * (TRUSTED_PROXY_HOPS by default). "local" only when no address is known at all.
 */
export function clientIpFrom(
  get: (name: string) => string | null | undefined,
  hops: number = env.TRUSTED_PROXY_HOPS,
): string {
  const chain = (get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  if (chain.length === 0) return "local";
  // Fewer hops than proxies configured: every address there was appended by a proxy or the
  // server (the request came a shorter way), so the leftmost one is still not the client's pick.
  return normalize(chain[Math.max(0, chain.length - 1 - hops)]!);
}
