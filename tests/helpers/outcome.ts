/**
 * What a procedure call came to, the one place tests read it: its app error code (`AppError`
 * cause), else its tRPC code — "OK" when it succeeded (`outcomeOf`, for tables of expectations),
 * or a failed test (`appCodeOf`, when the call must fail).
 */
import { TRPCError } from "@trpc/server";
import { expect } from "vitest";
import { AppError } from "@/server/errors";

function codeOfError(error: unknown, withField = false): string {
  if (!(error instanceof TRPCError)) return `not a TRPCError: ${String(error)}`;
  if (!(error.cause instanceof AppError)) return error.code;
  const { code, field } = error.cause.info;
  return withField && field !== undefined ? `${code}@${field}` : code;
}

export function outcomeOf(call: Promise<unknown>): Promise<string> {
  return call.then(
    () => "OK",
    (error: unknown) => codeOfError(error),
  );
}

/** The outcome, with the field an app error names (`NAME_TAKEN@name`): what the form shows the message next to. */
export function outcomeWithFieldOf(call: Promise<unknown>): Promise<string> {
  return call.then(
    () => "OK",
    (error: unknown) => codeOfError(error, true),
  );
}

/** The app error code a call failed with (fails the test if it succeeded or threw something else). */
export async function appCodeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    return codeOfError(error);
  }
  throw new Error("expected the call to fail");
}

/** The tRPC code a call came to ("OK" when it succeeded), whatever app error it carries. */
export function trpcCodeOf(call: Promise<unknown>): Promise<string> {
  return call.then(
    () => "OK",
    (error: unknown) => (error instanceof TRPCError ? error.code : `not a TRPCError: ${String(error)}`),
  );
}
