/**
 * The onboarding wizard's forms and inputs: one schema each, used by the step's form
 * (zodResolver) and by its procedure. Messages are message-file keys. zod/mini: see text.ts.
 */
import { z } from "zod/mini";
import { ZCompanyName, ZEmail, ZPersonName } from "./fields";
import { ZRoleCode } from "./role-codes";
import { singleLineText } from "./text";
import { MAX_SEATS, MIN_SEATS } from "@/lib/onboarding/seats";
import { tooLong } from "@/lib/i18n/rule-message";

export { MAX_SEATS, MIN_SEATS };

export const ZSessionName = singleLineText().check(
  z.minLength(2, { error: "onboarding.validation.sessionNameTooShort" }),
  z.maxLength(60, tooLong(60)),
);

/** Step 1: the company and the name shown on WhatsApp. */
export const ZCompanyStepInput = z.strictObject({
  companyName: ZCompanyName,
  sessionName: ZSessionName,
});
export type TCompanyStepInput = z.infer<typeof ZCompanyStepInput>;

/** A chat-space identifier (CDP project / live-chat item): a uuid of any version. */
export const ZSpaceUuid = z.pipe(
  singleLineText().check(z.minLength(1, { error: "validation.required" }), z.maxLength(64, tooLong(64))),
  z.guid({ error: "onboarding.validation.uuid" }),
);

/** Step 1 on a backend whose chat space already exists (CDP): the company and its project + live-chat item. */
export const ZSpaceStepInput = z.strictObject({
  companyName: ZCompanyName,
  projectUuid: ZSpaceUuid,
  itemUuid: ZSpaceUuid,
});
export type TSpaceStepInput = z.infer<typeof ZSpaceStepInput>;

/** Attaching an existing vendor account after an uncertain create. */
export const ZAttachAccountInput = z.strictObject({
  vendorAccountId: singleLineText().check(
    z.minLength(1, { error: "validation.required" }),
    z.maxLength(200, tooLong(200)),
    z.regex(/^[A-Za-z0-9._:/-]+$/, { error: "validation.invalid" }),
  ),
});
export type TAttachAccountInput = z.infer<typeof ZAttachAccountInput>;

export const ZDepartmentName = singleLineText().check(
  z.minLength(2, { error: "validation.nameTooShort" }),
  z.maxLength(60, tooLong(60)),
);

export const ZDepartmentCreateInput = z.strictObject({ name: ZDepartmentName });
export type TDepartmentCreateInput = z.infer<typeof ZDepartmentCreateInput>;

export const ZId = z.uuid({ error: "validation.invalid" });
export const ZVersion = z.number().check(z.int(), z.minimum(1), z.maximum(2_147_483_647));

export const ZDepartmentUpdateInput = z.strictObject({
  id: ZId,
  version: ZVersion,
  name: z.optional(ZDepartmentName),
  active: z.optional(z.boolean()),
});
export type TDepartmentUpdateInput = z.infer<typeof ZDepartmentUpdateInput>;

export const ZOperatorLogin = singleLineText().check(
  z.maxLength(60, tooLong(60)),
  z.regex(/^[A-Za-z0-9._@-]*$/, { error: "onboarding.validation.login" }),
);

/** Write-only: sent to the vendor, never stored. Empty = automatic login. */
export const ZOperatorPassword = singleLineText({ trim: false }).check(
  z.maxLength(128, { error: "validation.passwordTooLong" }),
  z.refine((p: string) => p === "" || p.length >= 8, { error: "onboarding.validation.operatorPassword" }),
);

/** A chat password is set only with a login: the refusal lands on the login field. */
export const hasLoginIfPassword = (v: { login?: string | null | undefined; password?: string | undefined }) =>
  !v.password || Boolean(v.login);
export const PASSWORD_NEEDS_LOGIN = { error: "onboarding.validation.passwordNeedsLogin", path: ["login"] };

/** operators.create's fields on a backend that names operators (PlugChat), before the cross-field rule. */
export const ZOperatorCreateFields = z.strictObject({
  name: ZPersonName,
  departmentIds: z.array(ZId).check(z.maxLength(50)),
  isAdmin: z.boolean(),
  login: z.optional(ZOperatorLogin),
  password: z.optional(ZOperatorPassword),
  /** "This operator is me": links the operator to the signed-in user. */
  linkToMe: z.optional(z.boolean()),
});
export const ZOperatorCreateInput = ZOperatorCreateFields.check(z.refine(hasLoginIfPassword, PASSWORD_NEEDS_LOGIN));
export type TOperatorCreateInput = z.infer<typeof ZOperatorCreateInput>;

/** A first or last name as the CDP gateway takes it (≤ 100). */
export const ZNamePart = singleLineText().check(
  z.minLength(1, { error: "validation.required" }),
  z.maxLength(100, tooLong(100)),
);

/**
 * An operator on a backend with `operatorEmail` (CDP): identified by e-mail, with first and
 * last name, a role, "only assigned conversations" and enabled — no login or departments.
 */
export const ZEmailOperatorCreateInput = z.strictObject({
  email: ZEmail,
  firstName: ZNamePart,
  lastName: ZNamePart,
  /** One of the deployment's role codes (CDP_ROLE_CODES): the procedures check the list. */
  roleCode: ZRoleCode,
  onlyAssignedConversations: z.boolean(),
  active: z.boolean(),
  /** "This operator is me": links the operator to the signed-in user. */
  linkToMe: z.optional(z.boolean()),
});
export type TEmailOperatorCreateInput = z.infer<typeof ZEmailOperatorCreateInput>;

/** operators.create takes either form; the procedure checks it against the provider's capabilities. */
export const ZAnyOperatorCreateInput = z.union([ZOperatorCreateInput, ZEmailOperatorCreateInput]);
export type TAnyOperatorCreateInput = z.infer<typeof ZAnyOperatorCreateInput>;

/** The price per seat the person was shown (centavos; null: agreed with the provider), re-checked at subscribe time. */
export const ZShownPrice = z.nullable(z.number().check(z.int(), z.minimum(1), z.maximum(100_000_000)));

export const ZSubscribeInput = z.strictObject({
  pricePerSeatCents: ZShownPrice,
  seats: z
    .number({ error: "validation.required" })
    .check(
      z.int({ error: "validation.invalid" }),
      z.minimum(MIN_SEATS, { error: "onboarding.validation.seatsMin" }),
      z.maximum(MAX_SEATS, { error: "onboarding.validation.seatsMax" }),
    ),
});
export type TSubscribeInput = z.infer<typeof ZSubscribeInput>;

/** Renaming a department (wizard and team page): departments.update's name, required. */
export const ZDepartmentRenameForm = z.required(z.pick(ZDepartmentUpdateInput, { name: true }));
export type TDepartmentRenameForm = z.infer<typeof ZDepartmentRenameForm>;

/** The plan step's seats field: plan.subscribe's input. */
export const ZSubscribeForm = z.pick(ZSubscribeInput, { seats: true });
