/**
 * The one place vendor failures (ProviderError) become app error codes, params and
 * per-field messages the UI understands.
 */
import type { ProviderError } from "@/server/providers/errors";
import { appError, type AppError, type AppErrorCode } from "./index";

/** A vendor failure's user-facing code. */
export function providerErrorToAppCode(error: ProviderError): AppErrorCode {
  switch (error.kind) {
    case "unauthorized":
      // Our integrator credential failed: never UNAUTHORIZED (the browser would think its session ended).
      return "VENDOR_MISCONFIGURED";
    case "not_found":
      return "VENDOR_NOT_FOUND";
    case "rejected":
      return "VENDOR_REJECTED";
    case "ambiguous":
      return "VENDOR_TIMEOUT";
    case "unavailable":
      return error.status === 429 ? "VENDOR_RATE_LIMITED" : "VENDOR_UNAVAILABLE";
  }
}

/** Provider field names whose form field has another name (the rest keep theirs). */
const PROVIDER_FIELD_TO_FORM: Record<string, string> = {
  enabled: "active",
  // The form identifies the person by e-mail; the gateway may blame its user id.
  userUuid: "email",
};

/** A provider's field name (possibly a path such as "permissions.0") → the form field it belongs to. */
function formFieldOf(providerField: string): string {
  const head = providerField.split(/[.[]/)[0] ?? providerField;
  return PROVIDER_FIELD_TO_FORM[head] ?? head;
}

/** A vendor failure as the AppError the client understands. */
export function appErrorFromProvider(error: ProviderError): AppError {
  const code = providerErrorToAppCode(error);
  const params: Record<string, string | number> = {};
  if (code === "VENDOR_REJECTED") params.reason = error.details.reason ?? "";
  if (error.details.retryAfter !== undefined) params.retryAfter = error.details.retryAfter;
  const fieldErrors: Record<string, string[]> = {};
  for (const fe of error.details.fieldErrors ?? []) {
    const key = formFieldOf(fe.field);
    if (!key) continue;
    const list = (fieldErrors[key] ??= []);
    if (!list.includes(fe.message)) list.push(fe.message);
  }
  const field = Object.keys(fieldErrors)[0];
  return appError(code, { params, ...(field ? { field, fieldErrors } : {}) }, error);
}
