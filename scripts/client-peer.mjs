/**
 * What the portal's own HTTP server (scripts/serve.mjs) does to every request before Next
 * sees it: append the TCP peer's address to X-Forwarded-For, as a reverse proxy does.
 *
 * Why: `next start` only sets X-Forwarded-For when the request has none
 * (`req.headers['x-forwarded-for'] ??= socket.remoteAddress`, next/dist/server/base-server.js),
 * so a client that writes the header itself hides the one address it cannot choose. With the
 * peer always last, the client address is found by counting trusted hops from the right
 * (server/security/client-address.ts, TRUSTED_PROXY_HOPS).
 * Plain JavaScript so that `npm start` needs nothing but Node and the build.
 */

/**
 * The X-Forwarded-For a request carries on, given what it arrived with (string, or the
 * array Node keeps for repeated headers) and the socket's peer address.
 * @param {string | string[] | undefined} forwardedFor
 * @param {string | undefined} remoteAddress
 * @returns {string}
 */
export function appendPeer(forwardedFor, remoteAddress) {
  const received = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  // A socket with no address (already closed) still gets a last hop the client did not write.
  return [...received, remoteAddress || "unknown"].join(", ");
}

/**
 * Rewrites the request's X-Forwarded-For in place (before Next reads it).
 * @param {import("node:http").IncomingMessage} req
 * @returns {void}
 */
export function stampClientPeer(req) {
  req.headers["x-forwarded-for"] = appendPeer(req.headers["x-forwarded-for"], req.socket.remoteAddress);
}
