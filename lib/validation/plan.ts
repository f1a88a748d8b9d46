/**
 * The plan page's forms: changing seats (plan.subscribe's input, shared with the wizard's plan step
 * in ./onboarding) and cancelling with a reason. zod/mini: see text.ts.
 */
import { z } from "zod/mini";
import { multiLineText } from "./text";
import { tooLong } from "@/lib/i18n/rule-message";
import { CANCEL_NOTE_MAX, CANCEL_REASONS } from "@/lib/plan/cancel";

export { ZSubscribeForm, ZSubscribeInput, type TSubscribeInput } from "./onboarding";

export const ZCancelSubscriptionInput = z.strictObject({
  reason: z.enum(CANCEL_REASONS, { error: "plan.validation.reason" }),
  note: z.optional(multiLineText({ trim: true }).check(z.maxLength(CANCEL_NOTE_MAX, tooLong(CANCEL_NOTE_MAX)))),
});
export type TCancelSubscriptionInput = z.infer<typeof ZCancelSubscriptionInput>;
