/**
 * Low-level transport of the PlugChat client: one HTTP exchange with a timeout, turned into
 * either a parsed body or a typed `ProviderError`, plus the retry policy around it. The
 * vendor-neutral parts live in ../http (shared with the CDP client) and are re-exported.
 * Kept free of `server-only` so it can be unit-tested and benchmarked directly; only
 * `client.ts` (which holds the token) is marked server-only.
 */
import type { z } from "zod";
import { ProviderError } from "../errors";
import { classifyNetworkError as classify, kindForStatus, parseRetryAfter, parseSuccessBody } from "../http";
import type { HttpMethod } from "../http";

export { DEFAULT_RETRY, backoffDelay, errorCode, kindForStatus, parseRetryAfter } from "../http";
export type { HttpMethod, RetryPolicy } from "../http";

/** Classifies a thrown fetch error: refused before sending → unavailable; anything else → ambiguous. */
export function classifyNetworkError(error: unknown, method: string, path: string, timedOut: boolean): ProviderError {
  return classify("PlugChat", error, method, path, timedOut);
}

function reasonOf(text: string): string | undefined {
  try {
    const body: unknown = JSON.parse(text);
    if (body !== null && typeof body === "object" && typeof (body as { reason?: unknown }).reason === "string") {
      return (body as { reason: string }).reason;
    }
  } catch {
    // not JSON: fall through to the raw text below
  }
  return text.length > 0 ? text.slice(0, 200) : undefined;
}

/** Turns a non-2xx response into a ProviderError. */
export function errorForResponse(
  method: string,
  path: string,
  status: number,
  text: string,
  retryAfterHeader: string | null,
): ProviderError {
  const kind = kindForStatus(status);
  const reason = reasonOf(text);
  const retryAfter = status === 429 || status === 503 ? parseRetryAfter(retryAfterHeader) : undefined;
  return new ProviderError(kind, `PlugChat ${method} ${path} → ${status}${reason ? `: ${reason}` : ""}`, {
    method,
    path,
    status,
    ...(reason === undefined ? {} : { reason }),
    ...(retryAfter === undefined ? {} : { retryAfter }),
  });
}

/** Parses a 2xx body; a broken/mismatching body is ambiguous on writes, unavailable on reads. */
export function parseSuccess<S extends z.ZodType>(
  method: string,
  path: string,
  status: number,
  text: string,
  schema: S,
): z.output<S> {
  return parseSuccessBody("PlugChat", method, path, status, text, schema);
}

/** Whether a failed attempt may be repeated: idempotent methods and certainly-not-applied failures only. */
export function isRetryable(method: HttpMethod, error: ProviderError): boolean {
  return method !== "POST" && error.kind === "unavailable";
}
