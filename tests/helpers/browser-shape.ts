/** What the browser receives for an error a mutation threw: the app router's error formatter applied to it. */
import type { TRPCError } from "@trpc/server";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { appRouter } from "@/server/api/root";

export function browserShape(error: TRPCError, path: string) {
  const formatter = appRouter._def._config.errorFormatter;
  const shape = {
    message: error.message,
    code: TRPC_ERROR_CODES_BY_KEY[error.code],
    data: { code: error.code, httpStatus: 422, path },
  };
  return formatter({ shape, error, type: "mutation", path, input: undefined, ctx: undefined }) as {
    data: {
      appError: { code: string; field?: string; fieldErrors?: unknown };
      fieldErrors: Record<string, string[]> | null;
    };
  };
}
