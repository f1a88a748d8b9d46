/** The sign-up and sign-in forms: one schema each, used by the page and the procedure. */
import { z } from "zod";
import { ZCompanyName, ZEmail, ZNewPassword, ZPassword, ZPersonName } from "./fields";

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
