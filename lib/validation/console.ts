/**
 * The console's forms and the support-access form: one schema each, shared by the pages and the
 * procedures (zod/mini: see text.ts).
 */
import { z } from "zod/mini";
import { tooLong } from "@/lib/i18n/rule-message";
import { REASON_MAX, SUPPORT_HOURS_MAX, SUPPORT_HOURS_MIN } from "./console-choices";
import { singleLineText } from "./text";

/** Why staff act on a customer: required, said in a few words, shown to the customer in Auditoria. */
export const ZStaffReason = singleLineText().check(
  z.minLength(3, { error: "validation.staffReason" }),
  z.maxLength(REASON_MAX, tooLong(REASON_MAX)),
);

/** A customer (organization) the console looks at. */
export const ZCustomerRef = z.strictObject({ organizationId: z.uuid({ error: "validation.required" }) });

/** Suspender / Reativar / Tentar de novo: the customer and the reason. */
export const ZStaffActionInput = z.strictObject({
  organizationId: z.uuid({ error: "validation.required" }),
  reason: ZStaffReason,
});
export type TStaffActionInput = z.infer<typeof ZStaffActionInput>;

/** The reason field alone (the dialog's form; the organization comes from the page). */
export const ZStaffReasonForm = z.strictObject({ reason: ZStaffReason });
export type TStaffReasonForm = z.infer<typeof ZStaffReasonForm>;

/** Acesso de suporte: from 1 to 72 hours. */
export const ZSupportGrantInput = z.strictObject({
  hours: z
    .number({ error: "validation.required" })
    .check(z.int(), z.minimum(SUPPORT_HOURS_MIN), z.maximum(SUPPORT_HOURS_MAX)),
});
export type TSupportGrantInput = z.infer<typeof ZSupportGrantInput>;

export const ZSupportRevokeInput = z.strictObject({ id: z.uuid({ error: "validation.required" }) });
