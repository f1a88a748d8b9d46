/**
 * Credentials at rest (operator accessTokens): AES-256-GCM with a random 96-bit IV per
 * encryption, the key id stored with the ciphertext and the row's identity bound as
 * associated data, so a ciphertext copied to another row does not decrypt.
 *
 * Format: `v1.<kid>.<iv b64url>.<ciphertext b64url>.<tag b64url>`.
 * Keys: "kid:base64key[,kid:base64key…]" — the first encrypts, all decrypt (rotation).
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

export interface KeyRing {
  /** The key id new ciphertexts are written with. */
  current: string;
  keys: Map<string, Buffer>;
}

const VERSION = "v1";
const KID_RE = /^[A-Za-z0-9_-]{1,32}$/;

/** Parses "kid:base64key[,…]"; throws on a malformed list (never prints key material). */
export function parseKeyRing(spec: string): KeyRing {
  const keys = new Map<string, Buffer>();
  let current: string | undefined;
  for (const part of spec
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const i = part.indexOf(":");
    const kid = i > 0 ? part.slice(0, i) : "";
    const key = Buffer.from(part.slice(i + 1), "base64");
    if (!KID_RE.test(kid) || key.length !== 32)
      throw new Error(`ENCRYPTION_KEYS: entry "${kid || "?"}" must be kid:base64 of 32 bytes`);
    if (keys.has(kid)) throw new Error(`ENCRYPTION_KEYS: duplicate key id "${kid}"`);
    keys.set(kid, key);
    current ??= kid;
  }
  if (!current) throw new Error("ENCRYPTION_KEYS: no key");
  return { current, keys };
}

function aadFor(kid: string, associatedData: string): Buffer {
  // The version and key id are authenticated too: changing either breaks the tag.
  return Buffer.from(`${VERSION}.${kid}.${associatedData}`, "utf8");
}

/** Encrypts `plaintext` bound to `associatedData` (e.g. "operator:<id>"). */
export function encryptSecret(ring: KeyRing, plaintext: string, associatedData: string): string {
  const key = ring.keys.get(ring.current);
  if (!key) throw new Error("current encryption key missing");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(aadFor(ring.current, associatedData));
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, ring.current, iv.toString("base64url"), ct.toString("base64url"), tag.toString("base64url")].join(
    ".",
  );
}

export class DecryptionError extends Error {
  constructor() {
    super("ciphertext could not be decrypted");
    this.name = "DecryptionError";
  }
}

/** Decrypts a value written by `encryptSecret` for the same associated data; throws DecryptionError otherwise. */
export function decryptSecret(ring: KeyRing, value: string, associatedData: string): string {
  const parts = value.split(".");
  if (parts.length !== 5 || parts[0] !== VERSION) throw new DecryptionError();
  const [, kid, ivB64, ctB64, tagB64] = parts as [string, string, string, string, string];
  const key = ring.keys.get(kid);
  const iv = Buffer.from(ivB64, "base64url");
  const tag = Buffer.from(tagB64, "base64url");
  if (!key || iv.length !== 12 || tag.length !== 16) throw new DecryptionError();
  // base64url decoding ignores stray characters: insist on the canonical form.
  if (iv.toString("base64url") !== ivB64 || tag.toString("base64url") !== tagB64) throw new DecryptionError();
  const ct = Buffer.from(ctB64, "base64url");
  if (ct.toString("base64url") !== ctB64) throw new DecryptionError();
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: 16 });
    decipher.setAAD(aadFor(kid, associatedData));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ct), decipher.final()]).toString("utf8");
  } catch {
    throw new DecryptionError();
  }
}

/** The key id a stored value was written with (for rotation batches). */
export function keyIdOf(value: string): string | null {
  const parts = value.split(".");
  return parts.length === 5 && parts[0] === VERSION ? (parts[1] ?? null) : null;
}
