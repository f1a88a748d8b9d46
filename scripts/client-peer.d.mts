import type { IncomingMessage } from "node:http";

/** X-Forwarded-For as received, with the TCP peer appended as the last hop. */
export function appendPeer(forwardedFor: string | string[] | undefined, remoteAddress: string | undefined): string;
/** Rewrites `req.headers["x-forwarded-for"]` in place with the socket's peer appended. */
export function stampClientPeer(req: IncomingMessage): void;
