/** Verified e-mail and change of e-mail: one schema each, used by the pages and the procedures. */
import { z } from "zod/mini";
import { ZEmail, ZLinkToken, ZPassword } from "./fields";

/** A verification link's token (page check and "Confirmar e-mail"). */
export const ZVerificationLinkInput = z.strictObject({ token: ZLinkToken });
export type TVerificationLinkInput = z.infer<typeof ZVerificationLinkInput>;

/** Minha conta → change of e-mail: the new address, and the current password to prove it is them. */
export const ZChangeEmailInput = z.strictObject({ newEmail: ZEmail, currentPassword: ZPassword });
export type TChangeEmailInput = z.infer<typeof ZChangeEmailInput>;
