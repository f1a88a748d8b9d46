/**
 * team.updateOperator — edit, deactivate or reactivate an operator, naming the version the
 * admin read (a mismatch is CONFLICT: someone else changed it). The chat service cannot
 * delete operators, so "remove" is `active: false`. A new password is passed to the vendor
 * and never stored.
 */
import { z } from "zod";
import { ZOperatorLogin, ZOperatorPassword, ZVersion } from "@/lib/validation/onboarding";
import { ZPersonName } from "@/lib/validation/fields";
import { ZId } from "@/lib/validation/team";
import { adminProcedure } from "@/server/api/trpc";
import { updateOperator as updateOperatorAtVendor } from "@/server/provisioning";
import { operatorOutput, scopeOf, ZOperatorOutput } from "../onboarding/outputs";

export const ZTeamOperatorUpdateInput = z
  .strictObject({
    id: ZId,
    version: ZVersion,
    name: ZPersonName.optional(),
    active: z.boolean().optional(),
    isAdmin: z.boolean().optional(),
    departmentIds: z.array(ZId).max(50).optional(),
    /** "" or null clears the login. */
    login: ZOperatorLogin.nullable().optional(),
    password: ZOperatorPassword.optional(),
  })
  .refine((v) => !v.password || v.login !== null, { error: "onboarding.validation.passwordNeedsLogin", path: ["login"] });

export const updateOperator = adminProcedure
  .input(ZTeamOperatorUpdateInput)
  .output(ZOperatorOutput)
  .mutation(async ({ ctx, input }) => {
    const { login, password, ...rest } = input;
    const row = await updateOperatorAtVendor(ctx.db, ctx.provider, scopeOf(ctx), {
      ...rest,
      ...(login === undefined ? {} : { login: login === "" ? null : login }),
      ...(password ? { password } : {}),
    });
    return operatorOutput(row);
  });
