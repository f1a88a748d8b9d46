/** The process's key ring (from getSecrets().encryptionKeys) and operator-token helpers. */
import "server-only";
import { getSecrets } from "@/server/config/secrets";
import { operatorAad } from "./aad";
import { decryptSecret, encryptSecret, parseKeyRing, type KeyRing } from "./tokens";

let ring: { spec: string; ring: KeyRing } | undefined;

export function keyRing(): KeyRing {
  const spec = getSecrets().encryptionKeys;
  if (!ring || ring.spec !== spec) ring = { spec, ring: parseKeyRing(spec) };
  return ring.ring;
}

export { operatorAad };

export function encryptOperatorToken(operatorId: string, token: string): string {
  return encryptSecret(keyRing(), token, operatorAad(operatorId));
}

export function decryptOperatorToken(operatorId: string, ciphertext: string): string {
  return decryptSecret(keyRing(), ciphertext, operatorAad(operatorId));
}
