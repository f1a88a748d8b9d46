/** plan.subscribe — paid seats (minimum 2) at the vendor; completes the plan step. */
import { z } from "zod";
import { ZSubscribeInput } from "@/lib/validation/onboarding";
import { adminProcedure } from "@/server/api/trpc";
import { stepsFor } from "@/lib/onboarding/steps";
import { completeStep } from "@/server/onboarding/state";
import { subscribe as setSeats } from "@/server/provisioning";

export const ZSubscribeOutput = z.object({ quantity: z.number(), active: z.boolean() });

export const subscribe = adminProcedure
  .input(ZSubscribeInput)
  .output(ZSubscribeOutput)
  .mutation(async ({ ctx, input }) => {
    const sub = await setSeats(ctx.db, ctx.provider, ctx.scope, input.seats);
    await completeStep(
      ctx.db,
      ctx.org.id,
      "plan",
      { planChoice: "subscription", seats: sub.quantity },
      stepsFor(ctx.provider.capabilities),
    );
    return { quantity: sub.quantity, active: sub.active };
  });
