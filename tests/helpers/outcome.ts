/** What a procedure call came to, for tables of expectations: "OK", its app error code, or its tRPC code. */
import { TRPCError } from "@trpc/server";
import { AppError } from "@/server/errors";

export function outcomeOf(call: Promise<unknown>): Promise<string> {
  return call.then(
    () => "OK",
    (error: unknown) => {
      if (!(error instanceof TRPCError)) return `not a TRPCError: ${String(error)}`;
      return error.cause instanceof AppError ? error.cause.info.code : error.code;
    },
  );
}
