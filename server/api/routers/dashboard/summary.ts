/** dashboard.summary — the organization at a glance: plan, departments, operators, WhatsApp, what needs attention. */
import { z } from "zod";
import { orgProcedure } from "@/server/api/trpc";
import { getOnboarding } from "@/server/onboarding/state";
import {
  getSubscription,
  getVendorAccount,
  listDepartments,
  listOperators,
  trialDaysLeft,
  whatsAppStatusOf,
} from "@/server/provisioning";
import { reportFor, ZWhatsAppReportOutput } from "../whatsapp/status";

export const ZDashboardSummaryOutput = z.object({
  onboardingCompleted: z.boolean(),
  currentStep: z.string(),
  account: z.object({ state: z.string(), trialDaysLeft: z.number(), seats: z.number().nullable() }).nullable(),
  departments: z.object({ active: z.number(), inactive: z.number() }),
  operators: z.object({ active: z.number(), inactive: z.number() }),
  /** The last known answer (null: never asked, or the vendor did not answer) and when it was given. */
  whatsappAvailable: z.boolean().nullable(),
  whatsappCheckedAt: z.date().nullable(),
  /** Who said WhatsApp is connected, and when (what the person said, not something the portal checked). */
  whatsappReported: ZWhatsAppReportOutput,
  hasOwnOperator: z.boolean(),
  attention: z.array(
    z.object({
      kind: z.enum(["account", "department", "operator"]),
      name: z.string(),
      state: z.enum(["pending", "failed", "uncertain"]),
    }),
  ),
});

export const summary = orgProcedure.output(ZDashboardSummaryOutput).query(async ({ ctx }) => {
  const [wizard, account, deps, ops, subscription] = await Promise.all([
    getOnboarding(ctx.db, ctx.org.id),
    getVendorAccount(ctx.db, ctx.org.id),
    listDepartments(ctx.db, ctx.org.id),
    listOperators(ctx.db, ctx.org.id),
    getSubscription(ctx.db, ctx.org.id),
  ]);
  // The last known answer, with its time: the page never waits for the chat provider
  // (dashboard.refreshWhatsApp asks it again once the page is interactive).
  const whatsapp = whatsAppStatusOf(account);
  type Attention = z.infer<typeof ZDashboardSummaryOutput>["attention"][number];
  const attention: Attention[] = [];
  if (account && account.state !== "synced")
    attention.push({ kind: "account", name: account.name, state: account.state });
  for (const d of deps) if (d.state !== "synced") attention.push({ kind: "department", name: d.name, state: d.state });
  for (const o of ops) if (o.state !== "synced") attention.push({ kind: "operator", name: o.name, state: o.state });
  const synced = deps.filter((d) => d.state === "synced");
  const syncedOps = ops.filter((o) => o.state === "synced");
  return {
    onboardingCompleted: wizard.completedAt !== null,
    currentStep: wizard.currentStep,
    account: account
      ? {
          state: account.state,
          trialDaysLeft: trialDaysLeft(account.createdAt),
          // The portal's record of the subscription (a cancelled one no longer counts).
          seats: subscription?.status === "active" ? subscription.seats : null,
        }
      : null,
    departments: { active: synced.filter((d) => d.active).length, inactive: synced.filter((d) => !d.active).length },
    operators: {
      active: syncedOps.filter((o) => o.active).length,
      inactive: syncedOps.filter((o) => !o.active).length,
    },
    whatsappAvailable: whatsapp.available,
    whatsappCheckedAt: whatsapp.checkedAt,
    whatsappReported: reportFor(wizard.data.whatsappReported, ctx.session.userId),
    hasOwnOperator: ops.some((o) => o.userId === ctx.session.userId && o.state === "synced"),
    attention,
  };
});
