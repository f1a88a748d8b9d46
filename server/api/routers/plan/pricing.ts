/**
 * plan.pricing — the integrator's price per seat: saved in Configuração da plataforma, else
 * PLAN_PRICE_PER_SEAT, or null when it is agreed with the provider.
 */
import { z } from "zod";
import { orgProcedure } from "@/server/api/trpc";
import type { Db } from "@/server/db/client";
import { getPlatformSettings } from "@/server/platform/settings";

export const ZPlanPricingOutput = z.object({
  /** Centavos per seat per month; null: not configured, the price is agreed with the provider. */
  pricePerSeatCents: z.number().int().positive().nullable(),
  currency: z.literal("BRL"),
});

/** The price per seat in centavos as configured now (platform settings, else PLAN_PRICE_PER_SEAT; null: agreed with the provider). */
export async function currentPricePerSeatCents(db: Db): Promise<number | null> {
  return (await getPlatformSettings(db)).pricePerSeatCents;
}

export const pricing = orgProcedure.output(ZPlanPricingOutput).query(async ({ ctx }) => ({
  pricePerSeatCents: await currentPricePerSeatCents(ctx.db),
  currency: "BRL" as const,
}));
