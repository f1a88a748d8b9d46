/** The process's key ring (from getSecrets().encryptionKeys) and operator-token helpers. */
import "server-only";
import { getSecrets } from "@/server/config/secrets";
import { decryptSecret, encryptSecret, parseKeyRing, type KeyRing } from "./tokens";

let ring: { spec: string; ring: KeyRing } | undefined;

export function keyRing(): KeyRing {
  const spec = getSecrets().encryptionKeys;
  if (!ring || ring.spec !== spec) ring = { spec, ring: parseKeyRing(spec) };
  return ring.ring;
}

/** Associated data binding an operator's token to its row. */
export const operatorAad = (operatorId: string): string => `operator:${operatorId}`;

export function encryptOperatorToken(operatorId: string, token: string): string {
  return encryptSecret(keyRing(), token, operatorAad(operatorId));
}

export function decryptOperatorToken(operatorId: string, ciphertext: string): string {
  return decryptSecret(keyRing(), ciphertext, operatorAad(operatorId));
}
