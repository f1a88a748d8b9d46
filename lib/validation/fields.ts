/**
 * Field rules shared by forms (client) and procedures (server). Error messages are
 * message-file keys (namespace `validation`), translated where they are shown, so the
 * same schema speaks Portuguese or English without carrying strings of its own.
 * Written with zod/mini (see text.ts): the browser's forms stay small, the server's zod takes them as they are.
 */
import { z } from "zod/mini";
import { isCommonPassword } from "./common-passwords";
import { singleLineText } from "./text";
import { tooLong } from "@/lib/i18n/rule-message";

export const ZPersonName = singleLineText().check(
  z.minLength(2, { error: "validation.nameTooShort" }),
  z.maxLength(120, tooLong(120)),
);

export const ZEmail = z.pipe(
  singleLineText().check(z.toLowerCase(), z.maxLength(254, tooLong(254))),
  z.email({ error: "validation.email" }),
);

/** 12–128 characters (any Unicode), not a well-known password. */
export const ZNewPassword = singleLineText({ trim: false }).check(
  z.minLength(12, { error: "validation.passwordTooShort" }),
  z.maxLength(128, { error: "validation.passwordTooLong" }),
  z.refine((p: string) => !isCommonPassword(p), { error: "validation.passwordTooCommon" }),
);

/** The 32-byte random token of an e-mailed or copied link (invitation, password reset), base64url. */
export const ZLinkToken = singleLineText({ trim: false }).check(
  z.regex(/^[A-Za-z0-9_-]{43}$/, { error: "validation.required" }),
);

/** A password typed to sign in: bounded, never validated against the policy (old accounts). */
export const ZPassword = singleLineText({ trim: false }).check(
  z.minLength(1, { error: "validation.required" }),
  z.maxLength(128, { error: "validation.passwordTooLong" }),
);

export const ZCompanyName = singleLineText().check(
  z.minLength(2, { error: "validation.companyTooShort" }),
  z.maxLength(120, tooLong(120)),
);
