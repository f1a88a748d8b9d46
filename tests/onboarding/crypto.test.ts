import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, keyIdOf, parseKeyRing } from "@/server/crypto/tokens";

const k1 = randomBytes(32).toString("base64");
const k2 = randomBytes(32).toString("base64");
const ring = parseKeyRing(`a1:${k1},b2:${k2}`);
const TOKEN = "eyJhbGciOiJIUzI1NiJ9.operator-token.signature";

function flip(s: string, i: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const c = s[i]!;
  const next = alphabet[(alphabet.indexOf(c) + 1) % alphabet.length]!;
  return s.slice(0, i) + next + s.slice(i + 1);
}

describe("operator token encryption (AES-256-GCM)", () => {
  it("round-trips, with the first key id and a fresh IV each time", () => {
    const a = encryptSecret(ring, TOKEN, "operator:1");
    const b = encryptSecret(ring, TOKEN, "operator:1");
    expect(a).not.toBe(b);
    expect(a.startsWith("v1.a1.")).toBe(true);
    expect(keyIdOf(a)).toBe("a1");
    expect(a).not.toContain(TOKEN);
    expect(decryptSecret(ring, a, "operator:1")).toBe(TOKEN);
  });

  it("binds the row: a ciphertext copied to another row does not decrypt", () => {
    const c = encryptSecret(ring, TOKEN, "operator:1");
    expect(() => decryptSecret(ring, c, "operator:2")).toThrow();
  });

  it("any tampered part (iv, ciphertext, tag, key id, version) fails", () => {
    const c = encryptSecret(ring, TOKEN, "operator:1");
    const parts = c.split(".");
    for (const idx of [2, 3, 4]) {
      const p = [...parts];
      for (const pos of [0, Math.floor(p[idx]!.length / 2)]) {
        p[idx] = flip(parts[idx]!, pos);
        expect(() => decryptSecret(ring, p.join("."), "operator:1"), `part ${idx} pos ${pos}`).toThrow();
      }
    }
    expect(() => decryptSecret(ring, ["v1", "b2", ...parts.slice(2)].join("."), "operator:1")).toThrow();
    expect(() => decryptSecret(ring, ["v2", ...parts.slice(1)].join("."), "operator:1")).toThrow();
    expect(() => decryptSecret(ring, c.slice(0, -2), "operator:1")).toThrow();
  });

  it("old keys still decrypt after rotation; unknown keys do not", () => {
    const old = encryptSecret(parseKeyRing(`b2:${k2}`), TOKEN, "operator:9");
    expect(decryptSecret(ring, old, "operator:9")).toBe(TOKEN);
    expect(() => decryptSecret(parseKeyRing(`a1:${k1}`), old, "operator:9")).toThrow();
  });

  it("refuses malformed key lists", () => {
    expect(() => parseKeyRing("")).toThrow();
    expect(() => parseKeyRing("x:c2hvcnQ=")).toThrow();
    expect(() => parseKeyRing(`a:${k1},a:${k2}`)).toThrow();
  });
});
