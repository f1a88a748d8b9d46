/** The sign-up, sign-in and password-reset forms: one schema each, used by the page and the procedure. */
import { z } from "zod/mini";
import { ZCompanyName, ZEmail, ZLinkToken, ZNewPassword, ZPassword, ZPersonName } from "./fields";

export const ZSignUpInput = z.strictObject({
  name: ZPersonName,
  email: ZEmail,
  password: ZNewPassword,
  companyName: ZCompanyName,
});
export type TSignUpInput = z.infer<typeof ZSignUpInput>;

export const ZSignInInput = z.strictObject({
  email: ZEmail,
  password: ZPassword,
});
export type TSignInInput = z.infer<typeof ZSignInInput>;

/** "Esqueci minha senha": where to send the link. */
export const ZRequestPasswordResetInput = z.strictObject({ email: ZEmail });
export type TRequestPasswordResetInput = z.infer<typeof ZRequestPasswordResetInput>;

/** The new password, with the link's token; the same password rules as sign-up. */
export const ZResetPasswordForm = z.strictObject({ password: ZNewPassword });
export type TResetPasswordForm = z.infer<typeof ZResetPasswordForm>;
export const ZPasswordResetLinkInput = z.strictObject({ token: ZLinkToken });
export const ZResetPasswordInput = z.extend(ZResetPasswordForm, { token: ZLinkToken });
export type TResetPasswordInput = z.infer<typeof ZResetPasswordInput>;

/** Signed in, changing the password: the current one proves it is really them; the new one must differ. */
export const ZChangePasswordInput = z.strictObject({ currentPassword: ZPassword, newPassword: ZNewPassword }).check(
  z.refine((v) => v.newPassword !== v.currentPassword, {
    error: "validation.passwordSameAsCurrent",
    path: ["newPassword"],
  }),
);
export type TChangePasswordInput = z.infer<typeof ZChangePasswordInput>;
