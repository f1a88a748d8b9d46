"use client";
/**
 * A server failure put on a react-hook-form form: `data.fieldErrors` (message keys, or the chat
 * provider's own words) and an app error naming a field (lib/errors/codes.ts) land on their
 * fields with `form.setError`; the first one takes focus. Whatever belongs to no field is the
 * caller's to show above the form. `useFieldError` turns a field's error into its sentence.
 */
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import type { FieldError, FieldValues, Path, UseFormReturn } from "react-hook-form";
import { useErrorMessage, type ServerErrorData } from "@/lib/errors/messages";

/** A field error from the server: a message key or the provider's text. */
export const SERVER_FIELD_ERROR = "server";
/** A field error that is already a sentence (an app error naming the field). */
export const APP_FIELD_ERROR = "app";

/** Puts the failure's field errors on the form's `fields`; true when at least one landed on a field. */
export function useServerErrors<T extends FieldValues>(form: UseFormReturn<T>, fields: readonly Path<T>[]) {
  const errors = useErrorMessage();
  return (data: ServerErrorData): boolean => {
    const landed: Path<T>[] = [];
    for (const [name, messages] of Object.entries(data.fieldErrors ?? {})) {
      const field = fields.find((f) => f === name);
      if (!field || !messages[0]) continue;
      form.setError(field, { type: SERVER_FIELD_ERROR, message: messages[0] });
      landed.push(field);
    }
    const named = fields.find((f) => f === data.appError?.field);
    if (named && !landed.includes(named)) {
      form.setError(named, { type: APP_FIELD_ERROR, message: errors.message(data) });
      landed.push(named);
    }
    const first = fields.find((f) => landed.includes(f));
    if (first) form.setFocus(first);
    return landed.length > 0;
  };
}

/** A field's error as a sentence: a zod rule's key, a server key, the provider's words with a lead-in. */
export function useFieldError() {
  const errors = useErrorMessage();
  const tv = useTranslations("validation");
  return useCallback(
    (
      error: { type?: FieldError["type"] | undefined; message?: string | undefined } | undefined,
    ): string | undefined => {
      const message = error?.message;
      if (!message) return undefined;
      if (error.type === APP_FIELD_ERROR) return message;
      const known = errors.field(message);
      return error.type === SERVER_FIELD_ERROR && known === message ? tv("providerRefused", { message }) : known;
    },
    [errors, tv],
  );
}
