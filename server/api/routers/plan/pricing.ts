/** plan.pricing — the integrator's price per seat (PLAN_PRICE_PER_SEAT), or null when it is agreed with the provider. */
import { z } from "zod";
import { parsePlanPrice } from "@/lib/plan/price";
import { env } from "@/server/config/env";
import { orgProcedure } from "@/server/api/trpc";

export const ZPlanPricingOutput = z.object({
  /** Centavos per seat per month; null: not configured, the price is agreed with the provider. */
  pricePerSeatCents: z.number().int().positive().nullable(),
  currency: z.literal("BRL"),
});

/** The configured price per seat in centavos (null: agreed with the provider). */
export function currentPricePerSeatCents(): number | null {
  return env.PLAN_PRICE_PER_SEAT === undefined ? null : parsePlanPrice(env.PLAN_PRICE_PER_SEAT);
}

export const pricing = orgProcedure.output(ZPlanPricingOutput).query(() => ({
  pricePerSeatCents: currentPricePerSeatCents(),
  currency: "BRL" as const,
}));
