/**
 * plan.get — the organization's plan as the portal knows it (no vendor call: the vendor has no GET
 * for subscriptions): the trial's end, the subscription it last confirmed, the price per seat.
 */
import { z } from "zod";
import { CANCEL_REASONS } from "@/lib/plan/cancel";
import { mayChangeOrganization } from "@/lib/roles";
import { orgProcedure } from "@/server/api/trpc";
import { getSubscription, getVendorAccount, trialDaysLeft, trialEndsAt } from "@/server/provisioning";
import { currentPricePerSeatCents } from "./pricing";

export const ZPlanOutput = z.object({
  /** The provider sells subscriptions through the portal (PlugChat); false on the CDP gateway. */
  supported: z.boolean(),
  accountReady: z.boolean(),
  trial: z.object({ endsAt: z.date(), daysLeft: z.number().int() }).nullable(),
  subscription: z
    .object({
      status: z.enum(["active", "cancelled"]),
      seats: z.number().int(),
      subscribedAt: z.date(),
      updatedAt: z.date(),
      cancelledAt: z.date().nullable(),
      cancelReason: z.enum(CANCEL_REASONS).nullable(),
      cancelNote: z.string().nullable(),
    })
    .nullable(),
  pricePerSeatCents: z.number().int().positive().nullable(),
  canEdit: z.boolean(),
});
export type TPlanOutput = z.infer<typeof ZPlanOutput>;

export const get = orgProcedure.output(ZPlanOutput).query(async ({ ctx }) => {
  const [account, sub] = await Promise.all([getVendorAccount(ctx.db, ctx.org.id), getSubscription(ctx.db, ctx.org.id)]);
  const ready = account?.state === "synced";
  return {
    supported: ctx.provider.capabilities.subscription,
    accountReady: ready,
    trial: ready ? { endsAt: trialEndsAt(account.createdAt), daysLeft: trialDaysLeft(account.createdAt) } : null,
    subscription: sub && {
      status: sub.status,
      seats: sub.seats,
      subscribedAt: sub.subscribedAt,
      updatedAt: sub.updatedAt,
      cancelledAt: sub.cancelledAt,
      cancelReason: sub.cancelReason,
      cancelNote: sub.cancelNote,
    },
    pricePerSeatCents: await currentPricePerSeatCents(ctx.db),
    canEdit: mayChangeOrganization(ctx),
  };
});
