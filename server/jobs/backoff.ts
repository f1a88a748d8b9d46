/**
 * Retry delays of the background workers: one capped exponential back-off. Attempt n (n ≥ 1
 * failed attempts so far) waits `firstMs · 2^(n-1)`, never more than `maxMs`.
 */

export interface Backoff {
  /** The wait after the first failed attempt. */
  firstMs: number;
  /** The longest wait. */
  maxMs: number;
}

/** The wait before attempt n+1 after n failed attempts (n below 1 counts as 1). */
export function backoffDelayMs({ firstMs, maxMs }: Backoff, attempts: number): number {
  return Math.min(maxMs, firstMs * 2 ** Math.max(0, attempts - 1));
}

/** The same wait with jitter: a share of it between one half and all of it (`random` in [0, 1)). */
export function jitteredBackoffMs(backoff: Backoff, attempts: number, random: number = Math.random()): number {
  return backoffDelayMs(backoff, attempts) * (0.5 + random / 2);
}
