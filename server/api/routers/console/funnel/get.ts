/** console.funnel.get — the sign-up funnel per week, drop-off totals and median time per step. */
import { z } from "zod";
import { staffProcedure } from "@/server/api/trpc";
import { computeFunnel, FUNNEL_STEPS } from "@/server/console/funnel";

const ZByStep = z.object(
  Object.fromEntries(FUNNEL_STEPS.map((s) => [s, z.number()])) as Record<(typeof FUNNEL_STEPS)[number], z.ZodNumber>,
);

export const ZFunnelInput = z.strictObject({ weeks: z.number().int().min(1).max(52).default(8) });

export const ZFunnelOutput = z.object({
  weeks: z.array(z.object({ week: z.string(), started: z.number(), reached: ZByStep, completed: z.number() })),
  totals: z.object({ started: z.number(), reached: ZByStep, completed: z.number() }),
  medians: z.object(
    Object.fromEntries(
      FUNNEL_STEPS.map((s) => [s, z.object({ medianMs: z.number().nullable(), samples: z.number() })]),
    ) as Record<
      (typeof FUNNEL_STEPS)[number],
      z.ZodObject<{ medianMs: z.ZodNullable<z.ZodNumber>; samples: z.ZodNumber }>
    >,
  ),
});
export type TFunnelOutput = z.infer<typeof ZFunnelOutput>;

export const get = staffProcedure
  .input(ZFunnelInput.optional())
  .output(ZFunnelOutput)
  .query(({ ctx, input }) => computeFunnel(ctx.db, { weeks: input?.weeks ?? 8 }));
