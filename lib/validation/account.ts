/** Minha conta: the forms for one's own name and for deleting the account (the page and the procedures use them). */
import { z } from "zod/mini";
import { ZPassword, ZPersonName } from "./fields";
import { ZSecondFactorCode } from "./two-factor";

export const ZUpdateNameInput = z.strictObject({ name: ZPersonName });
export type TUpdateNameInput = z.infer<typeof ZUpdateNameInput>;

/**
 * The password proves it is really them; with two-factor sign-in on, a current code too (app or
 * recovery), as for turning two-factor off. The form asks for the code only then; the procedure
 * requires it only then.
 */
export const ZDeleteAccountInput = z.strictObject({ password: ZPassword, code: z.optional(ZSecondFactorCode) });
export type TDeleteAccountInput = z.input<typeof ZDeleteAccountInput>;
export const ZDeleteAccountWithCodeInput = z.strictObject({ password: ZPassword, code: ZSecondFactorCode });
