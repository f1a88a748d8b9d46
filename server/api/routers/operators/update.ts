/**
 * operators.update — edit, deactivate or reactivate an operator, naming the version the
 * admin read (a mismatch is CONFLICT: someone else changed it). The chat service cannot
 * delete operators, so "remove" is `active: false`. A new password is passed to the vendor
 * and never stored. Which fields apply depends on the provider's capabilities (PlugChat:
 * name, departments, admin flag, login/password; CDP: e-mail, first/last name, role, "only
 * assigned conversations"); a field the backend does not have is refused on that field.
 */
import { ZOperatorUpdateInput, type TOperatorUpdateInput } from "@/lib/validation/team";
import { appError } from "@/server/errors";
import { adminProcedure } from "@/server/api/trpc";
import type { ChatProviderCapabilities } from "@/server/providers/types";
import { updateOperator } from "@/server/provisioning";
import { operatorOutput, ZOperatorOutput } from "@/server/api/outputs";
import { assertKnownRole } from "./role-code";

/** The first field of the input that the backend has no counterpart for, if any. */
export function unsupportedField(input: TOperatorUpdateInput, caps: ChatProviderCapabilities): string | null {
  if (!caps.operatorEmail) {
    for (const f of ["email", "firstName", "lastName", "onlyAssignedConversations"] as const)
      if (input[f] !== undefined) return f;
  }
  if (!caps.operatorRoles && input.roleCode !== undefined) return "roleCode";
  if (!caps.departments && input.departmentIds !== undefined && input.departmentIds.length > 0) return "departmentIds";
  // A cleared login (null / "") is harmless everywhere; a login or a password needs the capability.
  if (!caps.operatorLogin && (input.login || input.password)) return input.login ? "login" : "password";
  return null;
}

export const update = adminProcedure
  .input(ZOperatorUpdateInput)
  .output(ZOperatorOutput)
  .mutation(async ({ ctx, input }) => {
    const field = unsupportedField(input, ctx.provider.capabilities);
    if (field) throw appError("VALIDATION", { field });
    assertKnownRole(ctx.provider, input.roleCode);
    const { login, password, ...rest } = input;
    const row = await updateOperator(ctx.db, ctx.provider, ctx.scope, {
      ...rest,
      ...(login === undefined || !ctx.provider.capabilities.operatorLogin
        ? {}
        : { login: login === "" ? null : login }),
      ...(password ? { password } : {}),
    });
    return operatorOutput(row);
  });
