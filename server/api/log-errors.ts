/**
 * How a failed procedure reaches the server log. Faults (an unexpected exception) are errors with
 * their stack; refusals (signed out, not allowed, invalid input, a conflict: 4xx) are answers the
 * portal gives on purpose and go to debug as one line without a stack; mapped vendor failures
 * (502/503/504) are one info line (the provider client has already warned, with the details).
 */
import type { TRPCError } from "@trpc/server";
import { isRefusal } from "@/lib/trpc/refusal";
import { appErrorOf } from "@/server/errors";
import type { Logger } from "@/server/log";

export function logProcedureError(
  log: Logger,
  { error, path, requestId }: { error: TRPCError; path?: string; requestId?: string },
  what: string,
): void {
  if (error.code === "INTERNAL_SERVER_ERROR") {
    log.error({ requestId, path, err: error.cause ?? error }, what);
    return;
  }
  const facts = { requestId, path, code: error.code, appError: appErrorOf(error)?.info.code };
  if (isRefusal(error)) log.debug(facts, "procedure refused");
  else log.info(facts, what);
}
