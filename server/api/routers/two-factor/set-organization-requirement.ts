/**
 * twoFactor.setOrganizationRequirement — an owner requires (or stops requiring) two-factor
 * sign-in for the organization's owners and admins. Turning it on needs the owner's own
 * two-factor on (otherwise they would lock themselves out of every change).
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import { ZSetTwoFactorRequirementInput } from "@/lib/validation/two-factor";
import { appError } from "@/server/errors";
import { ownerProcedure } from "@/server/api/trpc";
import { organizations } from "@/server/db/schema";

export const setOrganizationRequirement = ownerProcedure
  .input(ZSetTwoFactorRequirementInput)
  .output(z.object({ required: z.boolean() }))
  .mutation(async ({ ctx, input }) => {
    if (input.required && !ctx.session.twoFactorEnabled) throw appError("TWO_FACTOR_NOT_ON", { field: "required" });
    await ctx.db
      .update(organizations)
      .set({ requireTwoFactor: input.required, updatedAt: new Date() })
      .where(eq(organizations.id, ctx.org.id));
    ctx.log.info(
      { event: "two_factor_requirement_set", organizationId: ctx.org.id, required: input.required },
      "organization two-factor requirement changed",
    );
    return { required: input.required };
  });
