/** Minha conta: the forms for one's own name and for deleting the account (the page and the procedures use them). */
import { z } from "zod/mini";
import { ZPassword, ZPersonName } from "./fields";

export const ZUpdateNameInput = z.strictObject({ name: ZPersonName });
export type TUpdateNameInput = z.infer<typeof ZUpdateNameInput>;

/** The password proves it is really them. */
export const ZDeleteAccountInput = z.strictObject({ password: ZPassword });
export type TDeleteAccountInput = z.infer<typeof ZDeleteAccountInput>;
