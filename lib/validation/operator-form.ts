/**
 * The one operator form (wizard and team dialog): its values, derived from the procedures'
 * input schemas, and how they become operators.create / operators.update inputs.
 */
import { z } from "zod/mini";
import {
  hasLoginIfPassword,
  PASSWORD_NEEDS_LOGIN,
  ZEmailOperatorCreateInput,
  ZOperatorCreateFields,
  type TAnyOperatorCreateInput,
} from "./onboarding";
import { ZEmailOperatorForm, type TEmailOperatorForm, type TOperatorUpdateInput } from "./team";

export { ZEmailOperatorForm, type TEmailOperatorForm };

/**
 * A backend that names operators (PlugChat): name, departments, admin, active (edit) and the
 * optional chat login/password ("" = none). operators.create's fields, login and password as typed.
 */
export const ZNameOperatorForm = z
  .extend(
    z.required(
      z.pick(ZOperatorCreateFields, { name: true, departmentIds: true, isAdmin: true, login: true, password: true }),
      { login: true, password: true },
    ),
    { active: ZEmailOperatorCreateInput.shape.active },
  )
  .check(z.refine(hasLoginIfPassword, PASSWORD_NEEDS_LOGIN));
export type TNameOperatorForm = z.infer<typeof ZNameOperatorForm>;

/** The wizard's "change the e-mail" of a listed operator (operatorEmail backends). */
export const ZOperatorEmailForm = z.pick(ZEmailOperatorForm, { email: true });
export type TOperatorEmailForm = z.infer<typeof ZOperatorEmailForm>;

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
