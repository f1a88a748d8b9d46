/**
 * The CDP gateway's Live Chat operator binding as zod schemas (seed 004, restated in
 * shared/reference/cdp-livechat-operators.md): the upsert request DTO, the
 * `ResponseWrapper<T>` and `CdpErrorResponse`. Single source of truth for the client, the
 * emulator and the tests. Deliberately free of `server-only` (the emulator runs in plain node).
 *
 * - Request: every field optional; nullable exactly where the manifest says so. Strict
 *   (unknown keys refused): we are the sender.
 * - Responses: lenient (unknown keys kept). `CdpFieldError`'s shape is not documented:
 *   we accept any object naming the field under `field`, `name` or `path` and carrying a
 *   `message`, and normalise it to `{field, message}`.
 * - `data` of the upsert is `Object` in the manifest; we read the binding leniently.
 */
import { z } from "zod";
import { DEFAULT_ROLE_CODES } from "../../../lib/validation/role-codes";

// ---------- request ----------

/**
 * A role code on the wire: any non-empty string. The manifest names no values ("an admin vs
 * agent code"): the portal sends one of CDP_ROLE_CODES, the emulator accepts any unless started
 * with its own list.
 */
export const ZCdpRoleCode = z.string().min(1, { error: "must not be empty" });

/** The role codes assumed when CDP_ROLE_CODES is unset (lib/validation/role-codes). */
export const DEFAULT_CDP_ROLE_CODES: readonly string[] = DEFAULT_ROLE_CODES;

/** `LiveChatOperatorBindingGatewayRequestDTO` — body of `POST …/operators` (upsertOperator). */
export const ZLiveChatOperatorBindingGatewayRequestDTO = z.strictObject({
  companyUuid: z.string().nullable().optional(),
  userUuid: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  firstName: z.string().nullable().optional(),
  lastName: z.string().nullable().optional(),
  createUserIfMissing: z.boolean().optional(),
  roleCode: ZCdpRoleCode.optional(),
  permissions: z.array(z.string()).optional(),
  onlyAssignedConversations: z.boolean().optional(),
  enabled: z.boolean().optional(),
});
export type TLiveChatOperatorBindingGatewayRequestDTO = z.infer<typeof ZLiveChatOperatorBindingGatewayRequestDTO>;

// ---------- errors ----------

/** `CdpFieldError` (shape undocumented): a field name under `field` | `name` | `path`, plus a message. */
export const ZCdpFieldError = z
  .looseObject({
    field: z.string().optional(),
    name: z.string().optional(),
    path: z.union([z.string(), z.array(z.union([z.string(), z.number()]))]).optional(),
    message: z.string(),
  })
  .refine((e) => e.field !== undefined || e.name !== undefined || e.path !== undefined, {
    message: "a field error names its field (field, name or path)",
  });
export type TCdpFieldError = z.infer<typeof ZCdpFieldError>;

/** `{field, message}`: what `ProviderError.details.fieldErrors` carries. */
export interface NormalisedFieldError {
  field: string;
  message: string;
}

/** `field` | `name` | `path` (an array path is joined with dots) → `{field, message}`. */
export function normaliseFieldError(e: TCdpFieldError): NormalisedFieldError {
  const path = Array.isArray(e.path) ? e.path.join(".") : e.path;
  return { field: e.field ?? e.name ?? path ?? "", message: e.message };
}

/** `CdpErrorResponse`: `errorId`, `code`, `message` always present. */
export const ZCdpErrorResponse = z.looseObject({
  errorId: z.string(),
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
  fieldErrors: z.array(ZCdpFieldError).optional(),
  /** Epoch milliseconds (`long`). */
  timestamp: z.number().int().optional(),
  meta: z.record(z.string(), z.unknown()).optional(),
});
export type TCdpErrorResponse = z.infer<typeof ZCdpErrorResponse>;

/** The error codes the emulator answers with (the gateway's own list is not documented). */
export const CDP_ERROR_CODES = {
  validation: "VALIDATION_ERROR",
  unauthorized: "UNAUTHORIZED",
  notFound: "NOT_FOUND",
  methodNotAllowed: "METHOD_NOT_ALLOWED",
  unsupportedMediaType: "UNSUPPORTED_MEDIA_TYPE",
  payloadTooLarge: "PAYLOAD_TOO_LARGE",
  rateLimited: "TOO_MANY_REQUESTS",
  internal: "INTERNAL_ERROR",
} as const;

// ---------- wrapper ----------

/** `ResponseWrapper<T>`: `{success, data?, error?}` (data and error nullable). */
export function ZResponseWrapper<T extends z.ZodType>(data: T) {
  return z.looseObject({
    success: z.boolean(),
    data: data.nullish(),
    error: ZCdpErrorResponse.nullish(),
  });
}

/** A wrapper whose `data` is not inspected (the manifest's `ResponseWrapper<Object>`). */
export const ZAnyResponseWrapper = ZResponseWrapper(z.unknown());
export type TAnyResponseWrapper = z.infer<typeof ZAnyResponseWrapper>;

/**
 * `data` of a successful upsert, as far as we rely on it: the bound user. Every field is
 * optional (the manifest types it `Object`); the emulator answers all of them.
 */
export const ZOperatorBinding = z.looseObject({
  userUuid: z.string().nullish(),
  email: z.string().nullish(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  companyUuid: z.string().nullish(),
  roleCode: z.string().nullish(),
  permissions: z.array(z.string()).nullish(),
  onlyAssignedConversations: z.boolean().nullish(),
  enabled: z.boolean().nullish(),
  /** Emulator: whether this call created the binding (false = updated). */
  created: z.boolean().nullish(),
});
export type TOperatorBinding = z.infer<typeof ZOperatorBinding>;

export const ZUpsertOperatorResponse = ZResponseWrapper(ZOperatorBinding);
export type TUpsertOperatorResponse = z.infer<typeof ZUpsertOperatorResponse>;

/** The upsert's path (no base URL), ids URL-encoded. */
export function upsertOperatorPath(projectUuid: string, itemUuid: string): string {
  return `/v1/projects/${encodeURIComponent(projectUuid)}/livechat/items/${encodeURIComponent(itemUuid)}/operators`;
}

// ---------- authentication ----------

/**
 * Where the credential goes. The manifest says only `isAuthenticated()`: Bearer by default,
 * configurable (`CDP_AUTH_HEADER`).
 */
export interface CdpAuthHeader {
  /** Header name, e.g. "Authorization" or "X-Api-Key". */
  name: string;
  /** Prefix before the token ("Bearer"); `null` sends the bare token. */
  scheme: string | null;
}

export const BEARER: CdpAuthHeader = Object.freeze({ name: "Authorization", scheme: "Bearer" });

/**
 * Reads a `CDP_AUTH_HEADER` spec: unset/"bearer" → `Authorization: Bearer <t>`; "X-Api-Key" →
 * the bare token in that header; "Authorization: Token" → `Authorization: Token <t>`.
 */
export function parseAuthHeader(spec: string | undefined): CdpAuthHeader {
  const s = spec?.trim();
  if (!s || s.toLowerCase() === "bearer") return BEARER;
  const colon = s.indexOf(":");
  const name = (colon < 0 ? s : s.slice(0, colon)).trim();
  const scheme = colon < 0 ? "" : s.slice(colon + 1).trim();
  if (!/^[A-Za-z0-9-]+$/.test(name)) throw new Error(`CDP_AUTH_HEADER: invalid header name "${name}"`);
  return { name, scheme: scheme || null };
}

/** The header value carrying `token`. */
export function authHeaderValue(auth: CdpAuthHeader, token: string): string {
  return auth.scheme === null ? token : `${auth.scheme} ${token}`;
}
