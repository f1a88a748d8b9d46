/**
 * The console's lists (Clientes, Precisa de atenção): one schema for each procedure and the page that keeps its filters in the
 * URL (Clientes). Cursors are opaque (keyset on the sort's column and the id).
 */
import { z } from "zod";
import { tooLong } from "@/lib/i18n/rule-message";
import { ONBOARDING_STEPS } from "@/lib/onboarding/steps";
import { ZStaffReason } from "./console";
import { singleLineText } from "./text";

export const CUSTOMERS_PAGE_SIZE = 25;
export const CUSTOMER_SORTS = ["created_desc", "created_asc", "name_asc", "name_desc"] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];
export const CUSTOMER_ACCOUNT_FILTERS = ["none", "pending", "synced", "failed", "uncertain"] as const;
/** "in_progress" (any step), a step of the wizard, or "completed". */
export const CUSTOMER_ONBOARDING_FILTERS = [
  "in_progress",
  ...ONBOARDING_STEPS.filter((s) => s !== "done"),
  "completed",
] as const;

export const ZCustomerFilters = z.strictObject({
  /** A part of the company's name, or the start of a team member's e-mail. */
  q: z.optional(singleLineText().check(z.minLength(1), z.maxLength(100, tooLong(100)))),
  onboarding: z.enum(CUSTOMER_ONBOARDING_FILTERS).optional(),
  account: z.enum(CUSTOMER_ACCOUNT_FILTERS).optional(),
  plan: z.enum(["trial", "subscription"]).optional(),
  suspended: z.enum(["yes", "no"]).optional(),
  sort: z.enum(CUSTOMER_SORTS).default("created_desc"),
});
export type TCustomerFilters = z.infer<typeof ZCustomerFilters>;

export const ZCustomersListInput = ZCustomerFilters.extend({
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,400}$/)
    .optional(),
  limit: z.number().int().min(1).max(100).default(CUSTOMERS_PAGE_SIZE),
});
export type TCustomersListInput = z.input<typeof ZCustomersListInput>;

export const ATTENTION_KINDS = ["account", "department", "operator", "import", "webhook"] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

export const ZAttentionActionInput = z.strictObject({
  kind: z.enum(ATTENTION_KINDS),
  /** The item's id: the organization (account), the department, operator, import job or webhook delivery. */
  id: z.uuid(),
  reason: ZStaffReason,
});
export type TAttentionActionInput = z.infer<typeof ZAttentionActionInput>;
