"use client";
/**
 * A form field's message: a local zod rule's key, else the server's `data.fieldErrors[name]`
 * (a message key, or the chat provider's own words — e.g. CDP `fieldErrors` — with a lead-in).
 * Shared by every form that can receive a provider's per-field refusal.
 */
import { useTranslations } from "next-intl";
import { useErrorMessage, type ServerErrorData } from "./messages";

export function useFieldMessage(failure: ServerErrorData | null) {
  const errors = useErrorMessage();
  const tv = useTranslations("validation");
  return (local: string | undefined, name: string): string | undefined => {
    if (local) return errors.field(local);
    const server = failure?.fieldErrors?.[name]?.[0];
    if (!server) return undefined;
    const known = errors.field(server);
    return known === server ? tv("providerRefused", { message: server }) : known;
  };
}
