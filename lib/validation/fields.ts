/**
 * Field rules shared by forms (client) and procedures (server). Error messages are
 * message-file keys (namespace `validation`), translated where they are shown, so the
 * same schema speaks Portuguese or English without carrying strings of its own.
 */
import { z } from "zod";
import { isCommonPassword } from "./common-passwords";
import { singleLineText } from "./text";

export const ZPersonName = singleLineText()
  .min(2, { error: "validation.nameTooShort" })
  .max(120, { error: "validation.tooLong" });

export const ZEmail = singleLineText()
  .toLowerCase()
  .max(254, { error: "validation.tooLong" })
  .pipe(z.email({ error: "validation.email" }));

/** 12–128 characters (any Unicode), not a well-known password. */
export const ZNewPassword = singleLineText({ trim: false })
  .min(12, { error: "validation.passwordTooShort" })
  .max(128, { error: "validation.passwordTooLong" })
  .refine((p) => !isCommonPassword(p), { error: "validation.passwordTooCommon" });

/** The 32-byte random token of an e-mailed or copied link (invitation, password reset), base64url. */
export const ZLinkToken = singleLineText({ trim: false }).regex(/^[A-Za-z0-9_-]{43}$/, {
  error: "validation.required",
});

/** A password typed to sign in: bounded, never validated against the policy (old accounts). */
export const ZPassword = singleLineText({ trim: false })
  .min(1, { error: "validation.required" })
  .max(128, { error: "validation.passwordTooLong" });

export const ZCompanyName = singleLineText()
  .min(2, { error: "validation.companyTooShort" })
  .max(120, { error: "validation.tooLong" });
