/**
 * The portal's one error type. Domain code throws `appError(code, …)`; the tRPC error
 * formatter exposes `data.appError` ({code, field?, params}) and the client turns the code
 * into a sentence from the `errors` message namespace. Vendor failures are mapped to codes
 * here and only here.
 */
import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { isProviderError, type ProviderError } from "@/server/providers/errors";

/** The closed set of codes the UI knows how to say (keys of messages/<locale>/errors.json). */
export const APP_ERROR_CODES = {
  UNAUTHENTICATED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  EMAIL_TAKEN: "CONFLICT",
  INVALID_CREDENTIALS: "UNAUTHORIZED",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  VALIDATION: "BAD_REQUEST",
  CONFLICT: "CONFLICT",
  VENDOR_UNAVAILABLE: "BAD_GATEWAY",
  VENDOR_TIMEOUT: "GATEWAY_TIMEOUT",
  VENDOR_RATE_LIMITED: "TOO_MANY_REQUESTS",
  VENDOR_REJECTED: "UNPROCESSABLE_CONTENT",
  VENDOR_NOT_FOUND: "NOT_FOUND",
  VENDOR_MISCONFIGURED: "BAD_GATEWAY",
  INTERNAL: "INTERNAL_SERVER_ERROR",
  LAST_OWNER: "PRECONDITION_FAILED",
  ALREADY_MEMBER: "CONFLICT",
  INVITATION_INVALID: "NOT_FOUND",
  INVITATION_EXPIRED: "PRECONDITION_FAILED",
  INVITATION_USED: "CONFLICT",
  INVITATION_EMAIL_MISMATCH: "FORBIDDEN",
  INVITATION_SIGN_IN: "PRECONDITION_FAILED",
  RESET_INVALID: "NOT_FOUND",
  RESET_EXPIRED: "PRECONDITION_FAILED",
  RESET_USED: "CONFLICT",
  WRONG_PASSWORD: "BAD_REQUEST",
  NAME_TAKEN: "CONFLICT",
  PROVISIONING_IN_PROGRESS: "CONFLICT",
  ACCOUNT_UNCERTAIN: "BAD_GATEWAY",
  ACCOUNT_MISSING: "PRECONDITION_FAILED",
  ACCOUNT_MISMATCH: "UNPROCESSABLE_CONTENT",
  NOT_SYNCED: "PRECONDITION_FAILED",
  DEFAULT_DEPARTMENT: "PRECONDITION_FAILED",
  ALREADY_OPERATOR: "CONFLICT",
  NO_OPERATOR: "NOT_FOUND",
  NOT_SUPPORTED: "PRECONDITION_FAILED",
  OPERATOR_EMAIL_TAKEN: "CONFLICT",
  SPACE_TAKEN: "CONFLICT",
  EMAIL_NOT_VERIFIED: "PRECONDITION_FAILED",
  VERIFICATION_INVALID: "NOT_FOUND",
  VERIFICATION_EXPIRED: "PRECONDITION_FAILED",
  VERIFICATION_USED: "CONFLICT",
  TWO_FACTOR_CODE_INVALID: "BAD_REQUEST",
  TWO_FACTOR_ENROLMENT_REQUIRED: "FORBIDDEN",
  TWO_FACTOR_ALREADY_ON: "CONFLICT",
  TWO_FACTOR_NOT_ON: "PRECONDITION_FAILED",
  SESSION_NOT_FOUND: "NOT_FOUND",
} as const satisfies Record<string, TRPC_ERROR_CODE_KEY>;

export type AppErrorCode = keyof typeof APP_ERROR_CODES;

export interface AppErrorInfo {
  code: AppErrorCode;
  /** The form field the error belongs next to, when there is one. */
  field?: string;
  /** Values for the message (e.g. {minutes}); strings and numbers only, never secrets. */
  params?: Record<string, string | number>;
  /**
   * Per-field messages from the provider (plain text, shown as is), keyed by FORM field name.
   * The error formatter moves them to `data.fieldErrors`.
   */
  fieldErrors?: Record<string, string[]>;
}

export class AppError extends Error {
  readonly info: AppErrorInfo;
  constructor(info: AppErrorInfo, cause?: unknown) {
    super(info.code, cause === undefined ? undefined : { cause });
    this.name = "AppError";
    this.info = info;
  }
}

/** A TRPCError that carries an AppError as its cause (read by the error formatter). */
export function appError(code: AppErrorCode, extra: Omit<AppErrorInfo, "code"> = {}, cause?: unknown): TRPCError {
  return new TRPCError({ code: APP_ERROR_CODES[code], message: code, cause: new AppError({ code, ...extra }, cause) });
}

/** The one place vendor failures become user-facing codes. */
export function providerErrorToAppCode(error: ProviderError): AppErrorCode {
  switch (error.kind) {
    case "unauthorized":
      // Our integrator credential failed: never UNAUTHORIZED (the browser would think its session ended).
      return "VENDOR_MISCONFIGURED";
    case "not_found":
      return "VENDOR_NOT_FOUND";
    case "rejected":
      return "VENDOR_REJECTED";
    case "ambiguous":
      return "VENDOR_TIMEOUT";
    case "unavailable":
      return error.status === 429 ? "VENDOR_RATE_LIMITED" : "VENDOR_UNAVAILABLE";
  }
}

/** Provider field names whose form field has another name (the rest keep theirs). */
const PROVIDER_FIELD_TO_FORM: Record<string, string> = {
  enabled: "active",
  // The form identifies the person by e-mail; the gateway may blame its user id.
  userUuid: "email",
};

/** A provider's field name (possibly a path such as "permissions.0") → the form field it belongs to. */
export function formFieldOf(providerField: string): string {
  const head = providerField.split(/[.[]/)[0] ?? providerField;
  return PROVIDER_FIELD_TO_FORM[head] ?? head;
}

/** Converts a ProviderError into the TRPCError the client understands; passes anything else through. */
export function toTRPCError(error: unknown): unknown {
  if (!isProviderError(error)) return error;
  const code = providerErrorToAppCode(error);
  const params: Record<string, string | number> = {};
  if (code === "VENDOR_REJECTED") params.reason = error.details.reason ?? "";
  if (error.details.retryAfter !== undefined) params.retryAfter = error.details.retryAfter;
  const fieldErrors: Record<string, string[]> = {};
  for (const fe of error.details.fieldErrors ?? []) {
    const key = formFieldOf(fe.field);
    if (!key) continue;
    const list = (fieldErrors[key] ??= []);
    if (!list.includes(fe.message)) list.push(fe.message);
  }
  const field = Object.keys(fieldErrors)[0];
  return appError(code, { params, ...(field ? { field, fieldErrors } : {}) }, error);
}
