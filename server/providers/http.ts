/**
 * Vendor-neutral transport helpers of the provider clients (PlugChat, CDP): network error
 * classification, Retry-After, status → error kind, capped exponential backoff with full
 * jitter and the bounded retry loop. Free of `server-only` so it can be unit-tested and
 * benchmarked directly; only the clients (which hold tokens) are server-only.
 */
import type { z } from "zod";
import { ProviderError } from "./errors";
import type { ProviderErrorKind } from "./errors";

/** Error codes meaning the request certainly never reached the vendor. */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

export interface RetryPolicy {
  /** Extra attempts after the first one (only for calls the client deems repeatable). */
  retries: number;
  baseDelayMs: number;
  /** Cap of one backoff delay; a Retry-After above it is not waited for. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 2, baseDelayMs: 100, maxDelayMs: 2_000 };

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

/** Walks `error.cause` chains (fetch wraps undici errors in a TypeError) for a `code`. */
export function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let i = 0; i < 5 && current !== null && typeof current === "object"; i++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function errorName(error: unknown): string | undefined {
  return error !== null && typeof error === "object" ? String((error as { name?: unknown }).name) : undefined;
}

/** Classifies a thrown fetch error: refused before sending → unavailable; anything else → ambiguous. */
export function classifyNetworkError(
  vendor: string,
  error: unknown,
  method: string,
  path: string,
  timedOut: boolean,
): ProviderError {
  const code = errorCode(error);
  if (!timedOut && code !== undefined && NOT_SENT_CODES.has(code)) {
    return new ProviderError("unavailable", `${vendor} unreachable (${code})`, {
      method,
      path,
      reason: code,
      cause: error,
    });
  }
  const what =
    timedOut || errorName(error) === "TimeoutError" ? "timeout" : (code ?? errorName(error) ?? "network error");
  return new ProviderError("ambiguous", `${vendor} call outcome unknown (${what})`, {
    method,
    path,
    reason: what,
    cause: error,
  });
}

/** Seconds from a Retry-After header (delta-seconds or HTTP date). */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** Maps a non-2xx status to the error kind. */
export function kindForStatus(status: number): ProviderErrorKind {
  if (status === 401 || status === 403) return "unauthorized";
  if (status === 404) return "not_found";
  if (status === 429 || status >= 500) return "unavailable";
  if (status >= 400) return "rejected";
  return "unavailable";
}

/** Parses JSON text, `undefined` when it is not JSON. */
export function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Parses a 2xx body; a broken/mismatching body is ambiguous on writes, unavailable on reads. */
export function parseSuccessBody<S extends z.ZodType>(
  vendor: string,
  method: string,
  path: string,
  status: number,
  text: string,
  schema: S,
): z.output<S> {
  const kind: ProviderErrorKind = method === "GET" ? "unavailable" : "ambiguous";
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    throw new ProviderError(kind, `${vendor} ${method} ${path} answered ${status} with invalid JSON`, {
      method,
      path,
      status,
      reason: "invalid JSON",
      cause,
    });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const reason = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    throw new ProviderError(kind, `${vendor} ${method} ${path} answered an unexpected shape`, {
      method,
      path,
      status,
      reason,
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/** Delay before retry number `attempt` (1-based): Retry-After when within the cap, else full jitter. */
export function backoffDelay(
  attempt: number,
  policy: RetryPolicy,
  retryAfterSeconds?: number,
  random: () => number = Math.random,
): number | null {
  if (retryAfterSeconds !== undefined) {
    const ms = retryAfterSeconds * 1000;
    return ms <= policy.maxDelayMs ? ms : null;
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Runs `attempt(n)` (n = 1, 2, …) until it succeeds, the policy's retries are used up, the
 * failure is not `retryable`, or a Retry-After exceeds the cap; then throws the last failure.
 */
export async function withRetries<T>(
  policy: RetryPolicy,
  retryable: (error: ProviderError) => boolean,
  sleep: (ms: number) => Promise<void>,
  attempt: (n: number) => Promise<T>,
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (!(error instanceof ProviderError) || n > policy.retries || !retryable(error)) throw error;
      const delay = backoffDelay(n, policy, error.details.retryAfter);
      if (delay === null) throw error;
      await sleep(delay);
    }
  }
}

export const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Milliseconds rounded to two decimals (log lines). */
export function roundMs(ms: number): number {
  return Math.round(ms * 100) / 100;
}
