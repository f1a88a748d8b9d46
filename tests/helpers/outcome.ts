/** What a procedure call came to, for tables of expectations: "OK", its app error code, or its tRPC code. */
import { TRPCError } from "@trpc/server";
import { AppError } from "@/server/api/errors";

export function outcomeOf(call: Promise<unknown>): Promise<string> {
  return call.then(
    () => "OK",
    (error: unknown) => {
      if (!(error instanceof TRPCError)) return `not a TRPCError: ${String(error)}`;
      return error.cause instanceof AppError ? error.cause.info.code : error.code;
    },
  );
}

/** The outcome, with the field an app error names (`NAME_TAKEN@name`): what the form shows the message next to. */
export function outcomeWithFieldOf(call: Promise<unknown>): Promise<string> {
  return call.then(
    () => "OK",
    (error: unknown) => {
      if (!(error instanceof TRPCError)) return `not a TRPCError: ${String(error)}`;
      if (!(error.cause instanceof AppError)) return error.code;
      const { code, field } = error.cause.info;
      return field === undefined ? code : `${code}@${field}`;
    },
  );
}
