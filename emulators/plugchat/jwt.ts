/** Minimal HS256 JWTs (node:crypto) for the emulator's operator accessTokens. */
import { createHmac, timingSafeEqual } from "node:crypto";

export interface AccessTokenClaims {
  accountId: string;
  operatorId: string;
  iat: number;
  exp: number;
}

const HEADER = Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT" })).toString("base64url");

export function signJwt(claims: AccessTokenClaims, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  const signature = createHmac("sha256", secret).update(`${HEADER}.${payload}`).digest("base64url");
  return `${HEADER}.${payload}.${signature}`;
}

/** The claims when the signature is valid and the token has not expired; otherwise null. */
export function verifyJwt(token: string, secret: string, nowMs: number): AccessTokenClaims | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [header, payload, signature] = parts as [string, string, string];
  if (header !== HEADER) return null;
  const expected = createHmac("sha256", secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Partial<AccessTokenClaims>;
    if (typeof claims.accountId !== "string" || typeof claims.operatorId !== "string") return null;
    if (typeof claims.exp !== "number" || claims.exp * 1000 < nowMs) return null;
    return { accountId: claims.accountId, operatorId: claims.operatorId, iat: claims.iat ?? 0, exp: claims.exp };
  } catch {
    return null;
  }
}
