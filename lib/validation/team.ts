/** Team management forms and inputs: one schema each, shared by pages and procedures (zod/mini: see text.ts). */
import { z } from "zod/mini";
import { ZEmail, ZLinkToken, ZNewPassword, ZPersonName } from "./fields";
import { ZRoleCode } from "./role-codes";
import { singleLineText } from "./text";
import { tooLong } from "@/lib/i18n/rule-message";
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
  name: z.optional(ZPersonName),
  password: z.optional(ZNewPassword),
});
export type TAcceptInvitationInput = z.infer<typeof ZAcceptInvitationInput>;

/** The operators table: search, filters, sorting and a page (all bounded). */
export const OPERATOR_PAGE_SIZES = [25, 50, 100] as const;
export const ZOperatorsPageInput = z.strictObject({
  search: z._default(singleLineText().check(z.maxLength(120, tooLong(120))), ""),
  status: z._default(z.enum(["all", "active", "inactive"]), "all"),
  departmentId: z.optional(z.uuid()),
  admin: z._default(z.enum(["all", "yes", "no"]), "all"),
  /** Backends with `operatorRoles` (CDP): the operator's role code. */
  role: z._default(z.union([z.literal("all"), ZRoleCode]), "all"),
  sort: z._default(z.enum(["name", "createdAt"]), "name"),
  dir: z._default(z.enum(["asc", "desc"]), "asc"),
  page: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(10_000)), 1),
  pageSize: z._default(z.union(OPERATOR_PAGE_SIZES.map((n) => z.literal(n))), 25),
});
export type TOperatorsPageInput = z.input<typeof ZOperatorsPageInput>;

/**
 * The team operator dialog on a backend with `operatorEmail` (CDP): e-mail, first and last name,
 * role, "only assigned conversations" and enabled — the onboarding form's schema (one source).
 */
export const ZEmailOperatorForm = z.omit(ZEmailOperatorCreateInput, { linkToMe: true });
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
    name: z.optional(ZPersonName),
    isAdmin: z.optional(z.boolean()),
    departmentIds: z.optional(z.array(ZId).check(z.maxLength(50))),
    /** "" or null clears the login. */
    login: z.optional(z.nullable(ZOperatorLogin)),
    password: z.optional(ZOperatorPassword),
    /** email, firstName, lastName, roleCode, onlyAssignedConversations and active. */
    ...z.partial(ZEmailOperatorForm).shape,
  })
  .check(
    z.refine(
      (v: { password?: string | undefined; login?: string | null | undefined }) => !v.password || v.login !== null,
      PASSWORD_NEEDS_LOGIN,
    ),
  );
export type TOperatorUpdateInput = z.infer<typeof ZOperatorUpdateInput>;

/** operators.options: operators matching a name, to link a member to. */
export const ZOperatorOptionsInput = z.strictObject({
  search: z._default(singleLineText().check(z.maxLength(120, tooLong(120))), ""),
});

/** members.linkOperator: the member acts as this operator; null unlinks. */
export const ZLinkOperatorInput = z.strictObject({ membershipId: ZId, operatorId: z.nullable(ZId) });

/** The link dialog: a search and the operator picked. */
export const ZLinkOperatorForm = z.extend(z.pick(ZLinkOperatorInput, { operatorId: true }), {
  search: ZOperatorOptionsInput.shape.search.def.innerType,
});
export type TLinkOperatorForm = z.infer<typeof ZLinkOperatorForm>;
