/**
 * Tokens of the links the portal hands out (invitations, password resets): 32 random bytes,
 * base64url in the link; the database keeps only their sha256, so a leaked table cannot be
 * turned into working links.
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashLinkToken(token) };
}
