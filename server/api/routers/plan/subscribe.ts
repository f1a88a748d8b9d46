/**
 * plan.subscribe — paid seats (minimum 2) at the vendor, from the wizard's plan step and the plan
 * page; completes the plan step. The price the person was shown is checked against the configured
 * one first: if it changed since the page loaded, nothing is sent and the new price comes back.
 * A refusal by the vendor belongs next to the seats field.
 */
import { z } from "zod";
import { ZSubscribeInput } from "@/lib/validation/onboarding";
import { adminProcedure } from "@/server/api/trpc";
import { stepsFor } from "@/lib/onboarding/steps";
import { appError } from "@/server/errors";
import { appErrorFromProvider } from "@/server/errors/vendor";
import { completeStep } from "@/server/onboarding/state";
import { isProviderError } from "@/server/providers/errors";
import { subscribe as setSeats } from "@/server/provisioning";
import { currentPricePerSeatCents } from "./pricing";

export const ZSubscribeOutput = z.object({ quantity: z.number(), active: z.boolean() });

export const subscribe = adminProcedure
  .input(ZSubscribeInput)
  .output(ZSubscribeOutput)
  .mutation(async ({ ctx, input }) => {
    const price = await currentPricePerSeatCents(ctx.db);
    if (price !== input.pricePerSeatCents) {
      // 0: the price is now agreed with the provider (params carry numbers only).
      throw appError("PRICE_CHANGED", { params: { pricePerSeatCents: price ?? 0 } });
    }
    let sub;
    try {
      sub = await setSeats(ctx.db, ctx.provider, ctx.scope, input.seats, price);
    } catch (error) {
      if (isProviderError(error) && error.kind === "rejected") {
        const { code, ...info } = appErrorFromProvider(error).info;
        throw appError(code, { ...info, field: "seats" }, error);
      }
      throw error;
    }
    await completeStep(
      ctx.db,
      ctx.org.id,
      "plan",
      { planChoice: "subscription", seats: sub.quantity },
      stepsFor(ctx.provider.capabilities),
    );
    return { quantity: sub.quantity, active: sub.active };
  });
