/** console.customers.list — every organization, filtered, searched and sorted, one keyset page at a time. */
import { z } from "zod";
import { ONBOARDING_STEPS } from "@/lib/onboarding/steps";
import { ZCustomersListInput } from "@/lib/validation/console-customers";
import { ZProvisioningState } from "@/server/api/outputs";
import { staffProcedure } from "@/server/api/trpc";
import { listCustomers } from "@/server/console/customers";

export const ZCustomersListOutput = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      createdAt: z.date(),
      suspendedAt: z.date().nullable(),
      onboardingStep: z.enum(ONBOARDING_STEPS).nullable(),
      onboardingCompletedAt: z.date().nullable(),
      accountState: ZProvisioningState.nullable(),
      plan: z
        .discriminatedUnion("kind", [
          z.object({ kind: z.literal("trial"), daysLeft: z.number() }),
          z.object({ kind: z.literal("subscription"), seats: z.number().nullable() }),
        ])
        .nullable(),
      operatorsActive: z.number(),
      operatorsTotal: z.number(),
      members: z.number(),
      lastActivityAt: z.date().nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
});
export type TCustomersListOutput = z.infer<typeof ZCustomersListOutput>;

export const list = staffProcedure
  .input(ZCustomersListInput)
  .output(ZCustomersListOutput)
  .query(({ ctx, input }) => {
    const { cursor, limit, ...filters } = input;
    return listCustomers(ctx.db, filters, { cursor, limit });
  });
