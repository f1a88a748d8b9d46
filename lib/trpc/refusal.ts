/**
 * Refusals are answers the portal gives on purpose — signed out, not allowed, not found, invalid
 * input, a conflict, a rate limit (HTTP 4xx) — and not faults: they are neither retried nor logged
 * as errors (server log, browser console). Faults (5xx) are. Shared by the browser and the server,
 * so it reads errors by shape instead of importing @trpc/server.
 */

/** tRPC's error codes that answer with a 4xx status. */
const REFUSAL_CODES = new Set([
  "PARSE_ERROR",
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "PAYMENT_REQUIRED",
  "FORBIDDEN",
  "NOT_FOUND",
  "METHOD_NOT_SUPPORTED",
  "TIMEOUT",
  "CONFLICT",
  "PRECONDITION_FAILED",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "UNPROCESSABLE_CONTENT",
  "PRECONDITION_REQUIRED",
  "TOO_MANY_REQUESTS",
  "CLIENT_CLOSED_REQUEST",
]);

/**
 * What the browser's development loggerLink writes to the console (console.error, which Next's
 * overlay counts as an issue): answers that are faults. A 409 on a form is said on the page.
 */
export function isFaultAnswer(op: { direction: "up" | "down"; result?: unknown }): boolean {
  return op.direction === "down" && op.result instanceof Error && !isRefusal(op.result);
}

/** A TRPCClientError (browser: `data.httpStatus`) or a TRPCError (server: `code`) that is a refusal. */
export function isRefusal(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const status = (error as { data?: { httpStatus?: unknown } | null }).data?.httpStatus;
  if (typeof status === "number") return status >= 400 && status < 500;
  const code = (error as { code?: unknown }).code;
  return error instanceof Error && error.name === "TRPCError" && typeof code === "string" && REFUSAL_CODES.has(code);
}
