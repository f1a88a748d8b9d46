/** operators.update — change an operator, naming the version read (else CONFLICT). */
import { ZOperatorUpdateInput } from "@/lib/validation/onboarding";
import { adminProcedure } from "@/server/api/trpc";
import { updateOperator } from "@/server/provisioning";
import { operatorOutput, scopeOf, ZOperatorOutput } from "../onboarding/outputs";
import { assertKnownRole } from "./role-code";

export const update = adminProcedure
  .input(ZOperatorUpdateInput)
  .output(ZOperatorOutput)
  .mutation(async ({ ctx, input }) => {
    assertKnownRole(ctx.provider, input.roleCode);
    return operatorOutput(await updateOperator(ctx.db, ctx.provider, scopeOf(ctx), input));
  });
