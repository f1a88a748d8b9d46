/**
 * Password hashing: argon2id (OWASP parameters m=19 MiB, t=2, p=1) through @node-rs/argon2.
 * Hashes are PHC strings that carry their parameters, so weaker ones can be detected and
 * rehashed at the next sign-in. Concurrent hashing is capped so a burst of sign-ins cannot
 * exhaust the 2-core machine's CPU and memory.
 */
import "server-only";
import { hash, parseOptions, verify } from "@node-rs/argon2";

export const ARGON2_POLICY = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** At most this many argon2 computations run at once; the rest wait their turn. */
const MAX_CONCURRENT_HASHES = 4;
let running = 0;
const waiting: Array<() => void> = [];

async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_HASHES) {
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export function hashPassword(password: string): Promise<string> {
  return withHashSlot(() => hash(password, ARGON2_POLICY));
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return withHashSlot(() => verify(passwordHash, password).catch(() => false));
}

/** True when the stored hash was made with weaker parameters than today's policy. */
export function needsRehash(passwordHash: string): boolean {
  try {
    const p = parseOptions(passwordHash);
    return (
      p.memoryCost < ARGON2_POLICY.memoryCost || p.timeCost < ARGON2_POLICY.timeCost || p.algorithm !== 2 /* Argon2id */
    );
  } catch {
    return true;
  }
}

/** A real hash of a random string, verified against when the e-mail is unknown, so timing does not tell. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(`dummy-${Math.random()}-${Date.now()}`);
  return dummyHash;
}
