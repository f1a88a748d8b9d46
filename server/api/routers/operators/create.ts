/**
 * operators.create — a new operator at the vendor; its accessToken is stored encrypted, the
 * password never. The input is the form of the provider's capabilities: name/login/departments
 * (PlugChat) or e-mail/first and last name/role (`operatorEmail`, CDP).
 */
import {
  ZAnyOperatorCreateInput,
  type TAnyOperatorCreateInput,
  type TEmailOperatorCreateInput,
} from "@/lib/validation/onboarding";
import { adminRoleOf } from "@/lib/validation/role-codes";
import { appError } from "@/server/errors";
import { adminProcedure } from "@/server/api/trpc";
import { assertAssignableDepartments, createOperator } from "@/server/provisioning";
import type { CreateOperatorInput } from "@/server/provisioning";
import { operatorOutput, ZOperatorOutput } from "@/server/api/outputs";
import { assertKnownRole, roleCodesOf } from "./role-code";

const isEmailForm = (input: TAnyOperatorCreateInput): input is TEmailOperatorCreateInput => "email" in input;

export const create = adminProcedure
  .input(ZAnyOperatorCreateInput)
  .output(ZOperatorOutput)
  .mutation(async ({ ctx, input }) => {
    const byEmail = ctx.provider.capabilities.operatorEmail;
    if (isEmailForm(input) !== byEmail) throw appError("VALIDATION", { field: byEmail ? "email" : "name" });
    if (isEmailForm(input)) assertKnownRole(ctx.provider, input.roleCode);
    const userId = input.linkToMe ? ctx.session.userId : null;
    const data: CreateOperatorInput = isEmailForm(input)
      ? {
          name: `${input.firstName} ${input.lastName}`,
          active: input.active,
          isAdmin: input.roleCode === adminRoleOf(roleCodesOf(ctx.provider)),
          departmentIds: [],
          email: input.email,
          firstName: input.firstName,
          lastName: input.lastName,
          roleCode: input.roleCode,
          onlyAssignedConversations: input.onlyAssignedConversations,
          userId,
        }
      : {
          name: input.name,
          isAdmin: input.isAdmin,
          departmentIds: input.departmentIds,
          ...(input.login ? { login: input.login } : {}),
          ...(input.password ? { password: input.password } : {}),
          userId,
        };
    await assertAssignableDepartments(ctx.db, ctx.scope.organizationId, data.departmentIds);
    return operatorOutput(await createOperator(ctx.db, ctx.provider, ctx.scope, data));
  });
