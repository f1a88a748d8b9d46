/**
 * Procedures as React server actions (@trpc/next app-dir): a form posts straight through
 * a procedure — same input schema, same middleware — and works before hydration.
 * `runAction` unwraps the handler's superjson envelope into data or a form-friendly error.
 */
import "server-only";
import { experimental_createServerActionHandler } from "@trpc/next/app-dir/server";
import superjson, { type SuperJSONResult } from "superjson";
import type { AppErrorInfo } from "@/server/errors";
import { logger } from "@/server/log";
import { logProcedureError } from "./log-errors";
import { createServerContext } from "./context";
import { trpcInstance, type FieldErrors } from "./trpc";

export const createAction = experimental_createServerActionHandler(trpcInstance, {
  createContext: createServerContext,
  onError({ error, ctx }) {
    const requestId = (ctx as { requestId?: string } | undefined)?.requestId;
    logProcedureError(logger, { error, requestId }, "server action failed");
  },
});

export interface ActionFailure {
  appError: AppErrorInfo | null;
  fieldErrors: FieldErrors | null;
  requestId: string | null;
}

interface ErrorShape {
  data?: { appError?: AppErrorInfo | null; fieldErrors?: FieldErrors | null; requestId?: string | null };
}

/** React adds its own `$ACTION_…` fields to a progressively enhanced form; inputs are strict objects. */
function withoutReactFields(input: FormData): FormData {
  const clean = new FormData();
  for (const [key, value] of input.entries()) if (!key.startsWith("$ACTION")) clean.append(key, value);
  return clean;
}

export async function runAction<T>(
  action: (input: FormData) => Promise<unknown>,
  input: FormData,
): Promise<{ ok: true; data: T } | ({ ok: false } & ActionFailure)> {
  const response = (await action(withoutReactFields(input))) as {
    result?: { data: SuperJSONResult };
    error?: SuperJSONResult;
  };
  if (response.error) {
    const shape = superjson.deserialize<ErrorShape>(response.error);
    return {
      ok: false,
      appError: shape.data?.appError ?? { code: "INTERNAL" },
      fieldErrors: shape.data?.fieldErrors ?? null,
      requestId: shape.data?.requestId ?? null,
    };
  }
  return { ok: true, data: superjson.deserialize<T>(response.result?.data as SuperJSONResult) };
}
