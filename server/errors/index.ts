/**
 * The portal's one error type, below every layer: domain code (auth, team, provisioning,
 * security) throws `appError(code, …)`; the tRPC layer turns it into a TRPCError once
 * (server/api/trpc.ts) and its error formatter exposes `data.appError` ({code, field?, params})
 * to the browser, which turns the code into a sentence from the `errors` message namespace.
 * Server Components that call domain code directly read it with `appErrorOf`.
 */
import { APP_ERROR_CODES, type AppErrorCode } from "@/lib/errors/codes";

export { APP_ERROR_CODES, type AppErrorCode };

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

/** An AppError with this code (throw it). */
export function appError(code: AppErrorCode, extra: Omit<AppErrorInfo, "code"> = {}, cause?: unknown): AppError {
  return new AppError({ code, ...extra }, cause);
}

/**
 * The AppError a failure is or carries (a TRPCError wraps it as its `cause`), else null.
 * The one way to ask "is this one of ours?".
 */
export function appErrorOf(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof Error && error.cause instanceof AppError) return error.cause;
  return null;
}
