/**
 * Typed failures of a chat provider call. Callers branch on `kind`; the tRPC layer maps
 * kinds to codes and the UI to a sentence in the user's language (one place each).
 *
 * - unauthorized: OUR integrator credential was refused (operator alert, not the user's fault)
 * - not_found:    the vendor does not know the account / id
 * - rejected:     a definite 4xx refusal of the input; `reason` carries the vendor's words
 * - unavailable:  5xx, 429, connection refused: the request was certainly not applied… unless
 *                 it was a 5xx on a create, which the provisioning layer treats as uncertain
 * - ambiguous:    timeout or connection lost after the request was sent: it may have happened
 */
export type ProviderErrorKind = "unauthorized" | "not_found" | "rejected" | "unavailable" | "ambiguous";

export interface ProviderErrorDetails {
  method: string;
  path: string;
  status?: number;
  reason?: string;
  /** Seconds, from a 429's Retry-After. */
  retryAfter?: number;
  /** Per-field problems reported by the provider (CDP `fieldErrors`). */
  fieldErrors?: Array<{ field: string; message: string }>;
  /** The provider's own error code (CDP `error.code`, e.g. "VALIDATION_ERROR"). */
  code?: string;
  /** The provider's error id (CDP `error.errorId`), for support requests. */
  errorId?: string;
  cause?: unknown;
}

export class ProviderError extends Error {
  readonly kind: ProviderErrorKind;
  readonly details: ProviderErrorDetails;

  constructor(kind: ProviderErrorKind, message: string, details: ProviderErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "ProviderError";
    this.kind = kind;
    this.details = details;
  }

  get status(): number | undefined {
    return this.details.status;
  }
}

export function isProviderError(e: unknown): e is ProviderError {
  return e instanceof ProviderError;
}
