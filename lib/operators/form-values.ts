/**
 * How the operator form's values become operators.create / operators.update inputs (zod-free:
 * the form imports it; its schemas are in lib/validation/operator-form.ts).
 */
import type { TAnyOperatorCreateInput } from "@/lib/validation/onboarding";
import type { TNameOperatorForm } from "@/lib/validation/operator-form";
import type { TOperatorUpdateInput } from "@/lib/validation/team";

/** What the backend lets the form show and send. */
export interface OperatorFormCapabilities {
  departments: boolean;
  operatorLogin: boolean;
}

/** The fields operators.update takes besides id and version. */
export type TOperatorPatch = Omit<TOperatorUpdateInput, "id" | "version">;

/** A new operator from the name form: departments and login/password only where the backend has them. */
export function nameCreateInput(v: TNameOperatorForm, caps: OperatorFormCapabilities): TAnyOperatorCreateInput {
  return {
    name: v.name,
    isAdmin: v.isAdmin,
    departmentIds: caps.departments ? v.departmentIds : [],
    ...(caps.operatorLogin && v.login ? { login: v.login } : {}),
    ...(caps.operatorLogin && v.password ? { password: v.password } : {}),
  };
}

/** An edit from the name form: an empty login clears it; an empty password keeps the current one. */
export function namePatch(v: TNameOperatorForm, caps: OperatorFormCapabilities): TOperatorPatch {
  return {
    name: v.name,
    isAdmin: v.isAdmin,
    active: v.active,
    ...(caps.departments ? { departmentIds: v.departmentIds } : {}),
    ...(caps.operatorLogin ? { login: v.login === "" ? null : v.login } : {}),
    ...(caps.operatorLogin && v.password ? { password: v.password } : {}),
  };
}

/**
 * Whether the operator, saved as the form stands, would be active with no department: chats reach
 * operators through departments, so the form asks "Este operador não receberá atendimentos" first.
 */
export function receivesNoChats(
  v: Pick<TNameOperatorForm, "active" | "departmentIds">,
  caps: Pick<OperatorFormCapabilities, "departments">,
): boolean {
  return caps.departments && v.active && v.departmentIds.length === 0;
}
