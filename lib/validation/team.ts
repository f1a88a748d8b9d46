/** Team management forms and inputs: one schema each, shared by pages and procedures. */
import { z } from "zod";
import { ZEmail, ZLinkToken, ZNewPassword, ZPersonName } from "./fields";
import { ZRoleCode } from "./role-codes";
import { singleLineText } from "./text";
import {
  PASSWORD_NEEDS_LOGIN,
  ZEmailOperatorCreateInput,
  ZOperatorLogin,
  ZOperatorPassword,
  ZVersion,
} from "./onboarding";

/** Roles an invitation or a role change can give; ownership moves only by transfer. */
export const ZAssignableRole = z.enum(["admin", "member"], { error: "validation.required" });
export type TAssignableRole = z.infer<typeof ZAssignableRole>;

export const ZId = z.uuid({ error: "validation.required" });

export const ZInviteInput = z.strictObject({ email: ZEmail, role: ZAssignableRole });
export type TInviteInput = z.infer<typeof ZInviteInput>;

/** The token of an invitation link: 32 random bytes, base64url (43 characters). */
export const ZInvitationToken = ZLinkToken;

/** What someone without an account types to join. */
export const ZJoinForm = z.strictObject({ name: ZPersonName, password: ZNewPassword });
export type TJoinForm = z.infer<typeof ZJoinForm>;

/** Accepting: a signed-in invitee sends only the token; a new one also their name and password. */
export const ZAcceptInvitationInput = z.strictObject({
  token: ZInvitationToken,
  name: ZPersonName.optional(),
  password: ZNewPassword.optional(),
});
export type TAcceptInvitationInput = z.infer<typeof ZAcceptInvitationInput>;

/** The operators table: search, filters, sorting and a page (all bounded). */
export const OPERATOR_PAGE_SIZES = [25, 50, 100] as const;
export const ZOperatorsPageInput = z.strictObject({
  search: singleLineText().max(120, { error: "validation.tooLong" }).default(""),
  status: z.enum(["all", "active", "inactive"]).default("all"),
  departmentId: z.uuid().optional(),
  admin: z.enum(["all", "yes", "no"]).default("all"),
  /** Backends with `operatorRoles` (CDP): the operator's role code. */
  role: z.union([z.literal("all"), ZRoleCode]).default("all"),
  sort: z.enum(["name", "createdAt"]).default("name"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.union(OPERATOR_PAGE_SIZES.map((n) => z.literal(n))).default(25),
});
export type TOperatorsPageInput = z.input<typeof ZOperatorsPageInput>;

/**
 * The team operator dialog on a backend with `operatorEmail` (CDP): e-mail, first and last name,
 * role, "only assigned conversations" and enabled — the onboarding form's schema (one source).
 */
export const ZEmailOperatorForm = ZEmailOperatorCreateInput.omit({ linkToMe: true });
export type TEmailOperatorForm = z.infer<typeof ZEmailOperatorForm>;

/**
 * operators.update: edit, deactivate or reactivate, naming the version read. Every field but
 * id/version is optional; which ones a backend takes is checked against its capabilities by the
 * procedure (PlugChat: name, departments, admin, login/password; CDP: the e-mail form's fields).
 */
export const ZOperatorUpdateInput = z
  .strictObject({
    id: ZId,
    version: ZVersion,
    name: ZPersonName.optional(),
    isAdmin: z.boolean().optional(),
    departmentIds: z.array(ZId).max(50).optional(),
    /** "" or null clears the login. */
    login: ZOperatorLogin.nullable().optional(),
    password: ZOperatorPassword.optional(),
    /** email, firstName, lastName, roleCode, onlyAssignedConversations and active. */
    ...ZEmailOperatorForm.partial().shape,
  })
  .refine((v) => !v.password || v.login !== null, PASSWORD_NEEDS_LOGIN);
export type TOperatorUpdateInput = z.infer<typeof ZOperatorUpdateInput>;

/** operators.options: operators matching a name, to link a member to. */
export const ZOperatorOptionsInput = z.strictObject({
  search: singleLineText().max(120, { error: "validation.tooLong" }).default(""),
});

/** members.linkOperator: the member acts as this operator; null unlinks. */
export const ZLinkOperatorInput = z.strictObject({ membershipId: ZId, operatorId: ZId.nullable() });

/** The link dialog: a search and the operator picked. */
export const ZLinkOperatorForm = ZLinkOperatorInput.pick({ operatorId: true }).extend({
  search: ZOperatorOptionsInput.shape.search.unwrap(),
});
export type TLinkOperatorForm = z.infer<typeof ZLinkOperatorForm>;
