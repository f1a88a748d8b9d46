/**
 * The automatic reply (URA) form: every field the chat's URA call takes. One schema, used by the
 * page's form and by ura.update. Messages are message-file keys. zod/mini: see text.ts.
 */
import { z } from "zod/mini";
import { multiLineText } from "./text";
import { tooLong } from "@/lib/i18n/rule-message";
import { unknownVariables, URA_MESSAGE_MAX } from "@/lib/ura/messages";

export { URA_MESSAGE_MAX };

/** A message sent on WhatsApp: not blank, at most URA_MESSAGE_MAX characters, only the `{senderName}` variable. */
export const ZUraMessage = multiLineText().check(
  z.refine((s: string) => s.trim().length > 0, { error: "validation.required" }),
  z.maxLength(URA_MESSAGE_MAX, tooLong(URA_MESSAGE_MAX)),
  z.refine((s: string) => unknownVariables(s).length === 0, { error: "ura.validation.unknownVariable" }),
);

export const ZUraInput = z.strictObject({
  active: z.boolean(),
  ignoreGeral: z.boolean(),
  ignoreGroups: z.boolean(),
  welcomeMessage: ZUraMessage,
  departmentMessage: ZUraMessage,
});
export type TUraInput = z.infer<typeof ZUraInput>;
