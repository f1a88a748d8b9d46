/**
 * Two-factor sign-in forms: the 6-digit code of an authenticator app, a recovery code, and
 * the forms that use them. Messages are keys of the `twoFactor` namespace.
 */
import { z } from "zod/mini";
import { ZPassword } from "./fields";
import { singleLineText } from "./text";

const TOTP_RE = /^\d{6}$/;
/** Recovery codes are 10 base32 letters shown as xxxxx-xxxxx; typed with or without the dash. */
const RECOVERY_RE = /^[A-Z2-7]{10}$/;

/** Spaces and dashes people type or paste around a code are not part of it. */
const stripped = (value: string) => value.replace(/[\s-]/g, "");

export const ZTotpCode = z.pipe(
  z.pipe(singleLineText().check(z.maxLength(20, { error: "twoFactor.validation.codeFormat" })), z.transform(stripped)),
  z
    .string()
    .check(
      z.minLength(1, { error: "twoFactor.validation.codeRequired" }),
      z.regex(TOTP_RE, { error: "twoFactor.validation.codeFormat" }),
    ),
);

export const ZRecoveryCode = z.pipe(
  z.pipe(
    singleLineText().check(z.maxLength(40, { error: "twoFactor.validation.recoveryFormat" })),
    z.transform((v: string) => stripped(v).toUpperCase()),
  ),
  z
    .string()
    .check(
      z.minLength(1, { error: "twoFactor.validation.recoveryRequired" }),
      z.regex(RECOVERY_RE, { error: "twoFactor.validation.recoveryFormat" }),
    ),
);

/** Either an app code or a recovery code (disabling, new recovery codes). */
export const ZSecondFactorCode = z.pipe(
  z.pipe(
    singleLineText().check(z.maxLength(40, { error: "twoFactor.validation.codeFormat" })),
    z.transform((v: string) => stripped(v).toUpperCase()),
  ),
  z.string().check(
    z.minLength(1, { error: "twoFactor.validation.codeRequired" }),
    z.refine((v: string) => TOTP_RE.test(v) || RECOVERY_RE.test(v), {
      error: "twoFactor.validation.codeOrRecoveryFormat",
    }),
  ),
);

export function isTotpCode(value: string): boolean {
  return TOTP_RE.test(value);
}

/** Confirming enrolment: the first code the app shows. */
export const ZConfirmTwoFactorInput = z.strictObject({ code: ZTotpCode });
export type TConfirmTwoFactorInput = z.input<typeof ZConfirmTwoFactorInput>;

/** Turning two-factor off, or asking for new recovery codes: the password and a current code. */
export const ZTwoFactorProofInput = z.strictObject({ password: ZPassword, code: ZSecondFactorCode });
export type TTwoFactorProofInput = z.input<typeof ZTwoFactorProofInput>;

/** The owner's organization setting. */
export const ZSetTwoFactorRequirementInput = z.strictObject({ required: z.boolean() });
export type TSetTwoFactorRequirementInput = z.infer<typeof ZSetTwoFactorRequirementInput>;

/** The sign-in form's second step: the app's code or a recovery code (the step shows one field at a time). */
export const ZSignInSecondFactorForm = z.strictObject({
  code: z.optional(ZTotpCode),
  recoveryCode: z.optional(ZRecoveryCode),
});
export type TSignInSecondFactorForm = z.input<typeof ZSignInSecondFactorForm>;
