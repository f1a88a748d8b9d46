"use client";
/**
 * Turning server errors into sentences in the user's language: tRPC errors (appError
 * codes, field errors with message keys) and next-auth sign-in error codes.
 */
import { TRPCClientError } from "@trpc/client";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { parseRuleMessage } from "@/lib/i18n/rule-message";

export interface ErrorInfo {
  code: string;
  field?: string;
  params?: Record<string, string | number>;
}

export interface ServerErrorData {
  appError?: ErrorInfo | null;
  fieldErrors?: Record<string, string[]> | null;
  requestId?: string | null;
}

/** The structured data of a tRPC client error (or a server action failure). */
export function errorDataOf(error: unknown): ServerErrorData {
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? {}) as ServerErrorData;
    if (!data.appError && error.message === "Failed to fetch") return { appError: { code: "NETWORK" } };
    return data;
  }
  if (error && typeof error === "object" && "appError" in error) return error as ServerErrorData;
  return { appError: { code: "NETWORK" } };
}

/** t() for an error code, with its params and the request id filled in. */
export function useErrorMessage() {
  const t = useTranslations("errors");
  const tv = useTranslations();
  return {
    /** The sentence for an error as a whole. */
    message: useCallback(
      (data: ServerErrorData): string => {
        const info = data.appError ?? { code: "INTERNAL" };
        const params: Record<string, string | number> = {
          requestId: data.requestId ?? "—",
          reason: "",
          minutes: 1,
          // NAME_TAKEN names what is in the way ({kind} {name}); without them it says the name is in use.
          kind: "other",
          name: "",
          ...info.params,
        };
        if (t.has(info.code as never)) return t(info.code as never, params as never);
        return t("INTERNAL", { requestId: data.requestId ?? "—" });
      },
      [t],
    ),
    /** A field's message from a key such as "validation.email" or "validation.tooLong?max=60" (or a plain text, shown as is). */
    field: useCallback(
      (message: string | undefined): string | undefined => {
        if (!message) return undefined;
        const { key, params } = parseRuleMessage(message);
        return tv.has(key as never) ? tv(key as never, params as never) : message;
      },
      [tv],
    ),
  };
}
