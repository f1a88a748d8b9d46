/**
 * The PlugChat partner (integrator) API as zod schemas: one per request and per response,
 * plus the webhook payloads. Single source of truth for the client, the emulator and the
 * tests. Deliberately free of `server-only` (the emulator runs in plain node).
 *
 * Requests are strict (unknown keys refused): we are the sender and the docs agree.
 * Responses are parsed leniently only where the vendor's own docs disagree:
 * - `isAdmin`: boolean on create, "string" on update → boolean | "true" | "false";
 * - subscription `status`: typed boolean, example shows "active" → boolean | string;
 * - timestamps are epoch **ms** although labelled seconds → any number;
 * - webhook payloads use odd spellings (`departament`, `momment`, `"operatorReport "`) →
 *   loose objects that keep every raw key.
 */
import { z } from "zod";

// ---------- shared pieces ----------

/** Vendor error body, e.g. `{"reason": "entity not found"}`. */
export const ZErrorBody = z.looseObject({ reason: z.string() });
export type TErrorBody = z.infer<typeof ZErrorBody>;

/** Epoch milliseconds (the docs label them seconds). */
export const ZTimestamp = z.number();

/** The docs type `isAdmin` boolean on create and string on update: accept both when reading. */
export const ZLenientBoolean = z.union([z.boolean(), z.enum(["true", "false"])]);

const ZId = z.string().min(1);
const ZWebhookUrl = z.string().min(1).max(2048);

// ---------- accounts ----------

export const ZCreateAccountRequest = z.strictObject({
  externalId: z.string().min(1),
  name: z.string().min(1),
  active: z.boolean(),
  sessionName: z.string().optional(),
  onStartAttendance: ZWebhookUrl.optional(),
  onFinishAttendance: ZWebhookUrl.optional(),
  onReceiveMessage: ZWebhookUrl.optional(),
  onSendingMessage: ZWebhookUrl.optional(),
  onMessageStatus: ZWebhookUrl.optional(),
  onMessageDeliveryError: ZWebhookUrl.optional(),
});
export type TCreateAccountRequest = z.infer<typeof ZCreateAccountRequest>;

export const ZCreateAccountResponse = z.object({
  success: z.boolean(),
  accountId: ZId,
  externalId: z.string(),
});
export type TCreateAccountResponse = z.infer<typeof ZCreateAccountResponse>;

/** `GET /account/[ID]/` — unset webhooks are `null` (tolerate absence too). */
export const ZGetAccountResponse = z.object({
  name: z.string(),
  externalId: z.string(),
  active: z.boolean(),
  onStartAttendance: z.string().nullish(),
  onFinishAttendance: z.string().nullish(),
  onReceiveMessage: z.string().nullish(),
  onSendingMessage: z.string().nullish(),
  onMessageStatus: z.string().nullish(),
});
export type TGetAccountResponse = z.infer<typeof ZGetAccountResponse>;

/** Seats: the vendor's minimum is 2. */
export const ZSubscriptionRequest = z.strictObject({
  operators: z.number().int().min(2, "operators must be at least 2"),
});
export type TSubscriptionRequest = z.infer<typeof ZSubscriptionRequest>;

export const ZSubscriptionResponse = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  quantity: z.number(),
  /** Typed boolean in the docs, "active" in their example. */
  status: z.union([z.boolean(), z.string()]),
});
export type TSubscriptionResponse = z.infer<typeof ZSubscriptionResponse>;

export const ZCancelSubscriptionResponse = z.object({ success: z.boolean() });
export type TCancelSubscriptionResponse = z.infer<typeof ZCancelSubscriptionResponse>;

export const ZExtensionTokenResponse = z.object({
  token: z.string().min(1),
  expiresAt: ZTimestamp,
});
export type TExtensionTokenResponse = z.infer<typeof ZExtensionTokenResponse>;

// ---------- departments ----------

export const ZCreateDepartmentRequest = z.strictObject({
  name: z.string().min(1),
  active: z.boolean(),
});
export type TCreateDepartmentRequest = z.infer<typeof ZCreateDepartmentRequest>;

export const ZCreateDepartmentResponse = z.object({ success: z.boolean(), id: ZId });
export type TCreateDepartmentResponse = z.infer<typeof ZCreateDepartmentResponse>;

export const ZDepartment = z.object({
  id: ZId,
  name: z.string(),
  active: z.boolean(),
  createdAt: ZTimestamp,
});
export type TDepartment = z.infer<typeof ZDepartment>;

export const ZListDepartmentsResponse = z.array(ZDepartment);
export type TListDepartmentsResponse = z.infer<typeof ZListDepartmentsResponse>;

export const ZUpdateDepartmentRequest = z.strictObject({
  id: ZId,
  name: z.string().min(1),
  active: z.boolean(),
});
export type TUpdateDepartmentRequest = z.infer<typeof ZUpdateDepartmentRequest>;

export const ZUpdateDepartmentResponse = z.object({ success: z.boolean(), id: ZId });
export type TUpdateDepartmentResponse = z.infer<typeof ZUpdateDepartmentResponse>;

export const ZDeleteDepartmentResponse = z.object({ success: z.boolean() });
export type TDeleteDepartmentResponse = z.infer<typeof ZDeleteDepartmentResponse>;

// ---------- operators ----------

export const ZCreateOperatorRequest = z.strictObject({
  name: z.string().min(1),
  active: z.boolean(),
  departments: z.array(ZId),
  login: z.string().min(1).optional(),
  password: z.string().min(1).optional(),
  isAdmin: z.boolean().optional(),
});
export type TCreateOperatorRequest = z.infer<typeof ZCreateOperatorRequest>;

export const ZOperatorWriteResponse = z.object({
  success: z.boolean(),
  id: ZId,
  accessToken: z.string().min(1),
});
export const ZCreateOperatorResponse = ZOperatorWriteResponse;
export type TCreateOperatorResponse = z.infer<typeof ZCreateOperatorResponse>;

/** The update docs type `isAdmin` as string: the emulator accepts both; our client sends a boolean. */
export const ZUpdateOperatorRequest = z.strictObject({
  id: ZId,
  name: z.string().min(1),
  active: z.boolean(),
  departments: z.array(ZId),
  login: z.string().min(1).optional(),
  password: z.string().min(1).optional(),
  isAdmin: ZLenientBoolean.optional(),
});
export type TUpdateOperatorRequest = z.infer<typeof ZUpdateOperatorRequest>;

export const ZUpdateOperatorResponse = ZOperatorWriteResponse;
export type TUpdateOperatorResponse = z.infer<typeof ZUpdateOperatorResponse>;

export const ZOperator = z.object({
  id: ZId,
  name: z.string(),
  active: z.boolean(),
  departments: z.array(z.string()),
  createdAt: ZTimestamp,
  accessToken: z.string().nullish(),
  /** Not in the documented list shape, but accepted in either documented type when present. */
  isAdmin: ZLenientBoolean.optional(),
  login: z.string().nullish(),
});
export type TOperator = z.infer<typeof ZOperator>;

export const ZListOperatorsResponse = z.array(ZOperator);
export type TListOperatorsResponse = z.infer<typeof ZListOperatorsResponse>;

// ---------- satisfaction ----------

export const ZSatisfactionByDateRequest = z.strictObject({ start: ZTimestamp, end: ZTimestamp });
export type TSatisfactionByDateRequest = z.infer<typeof ZSatisfactionByDateRequest>;

export const ZSatisfactionByOperatorRequest = z.strictObject({
  start: ZTimestamp,
  end: ZTimestamp,
  operatorId: ZId,
});
export type TSatisfactionByOperatorRequest = z.infer<typeof ZSatisfactionByOperatorRequest>;

export const ZSatisfactionByTicketRequest = z.strictObject({ ticket: z.number().int() });
export type TSatisfactionByTicketRequest = z.infer<typeof ZSatisfactionByTicketRequest>;

/** One recorded attendance. Loose: the vendor adds fields and spells some oddly. */
export const ZSatisfactionEntry = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  attendanceNumber: z.number().nullish(),
  customer: z.looseObject({ name: z.string().nullish(), phone: z.string().nullish() }).nullish(),
  startTime: ZTimestamp.nullish(),
  endTime: ZTimestamp.nullish(),
  requestTime: ZTimestamp.nullish(),
  startBy: z.string().nullish(),
  finishBy: z.string().nullish(),
  operatorReport: z.unknown().optional(),
  operators: z.record(z.string(), z.unknown()).nullish(),
  operatorsData: z.array(z.looseObject({ id: z.string(), name: z.string() })).nullish(),
  ratingValue: z.number().nullish(),
  ratingObservation: z.string().nullish(),
  status: z.string().nullish(),
});
export type TSatisfactionEntry = z.infer<typeof ZSatisfactionEntry>;

export const ZSatisfactionListResponse = z.object({
  success: z.boolean(),
  data: z.array(ZSatisfactionEntry),
});
export type TSatisfactionListResponse = z.infer<typeof ZSatisfactionListResponse>;

/** By ticket: one object; `null` (emulator) when no attendance carries that number. */
export const ZSatisfactionByTicketResponse = z.object({
  success: z.boolean(),
  data: ZSatisfactionEntry.nullable(),
});
export type TSatisfactionByTicketResponse = z.infer<typeof ZSatisfactionByTicketResponse>;

// ---------- URA ----------

export const ZUraRequest = z.strictObject({
  active: z.boolean(),
  ignoreGeral: z.boolean(),
  ignoreGroups: z.boolean(),
  /** May contain the variable `{senderName}`. */
  welcomeMessage: z.string(),
  departmentMessage: z.string(),
});
export type TUraRequest = z.infer<typeof ZUraRequest>;

export const ZUraResponse = z.object({ success: z.boolean() });
export type TUraResponse = z.infer<typeof ZUraResponse>;

// ---------- webhooks (the vendor calls us) ----------

const ZWebhookAttendance = z.looseObject({
  attendanceNumber: z.number().optional(),
  customer: z.looseObject({ name: z.string().nullish(), phone: z.string().nullish() }).optional(),
  /** The vendor's spelling. */
  departament: z.string().nullish(),
  requestTime: ZTimestamp.nullish(),
  startTime: ZTimestamp.nullish(),
  endTime: ZTimestamp.nullish(),
  startBy: z.string().nullish(),
  finishBy: z.string().nullish(),
  ratingValue: z.number().nullish(),
  ratingObservation: z.string().nullish(),
  status: z.string().optional(),
  attendanceCategory: z.looseObject({}).nullish(),
});

/** One chat message; `momment` is the vendor's spelling. */
export const ZWebhookChatMessage = z.looseObject({
  fromMe: z.boolean().optional(),
  phone: z.string().optional(),
  senderName: z.string().optional(),
  momment: ZTimestamp.optional(),
  status: z.string().optional(),
});

/** Finish-attendance payload; loose at every level so the raw payload can be stored as received. */
export const ZFinishAttendanceWebhook = z.looseObject({
  attendance: ZWebhookAttendance,
  chat: z.record(z.string(), ZWebhookChatMessage).optional(),
});
export type TFinishAttendanceWebhook = z.infer<typeof ZFinishAttendanceWebhook>;

/** Start-attendance payload (same envelope, no end time / rating yet). */
export const ZStartAttendanceWebhook = z.looseObject({
  attendance: ZWebhookAttendance,
  chat: z.record(z.string(), ZWebhookChatMessage).optional(),
});
export type TStartAttendanceWebhook = z.infer<typeof ZStartAttendanceWebhook>;
