/**
 * The one operator form (wizard and team dialog): its values, derived from the procedures'
 * input schemas. How they become operators.create / operators.update inputs is in
 * lib/operators/form-values.ts (zod-free, for the form itself).
 */
import { z } from "zod/mini";
import {
  hasLoginIfPassword,
  PASSWORD_NEEDS_LOGIN,
  ZEmailOperatorCreateInput,
  ZOperatorCreateFields,
} from "./onboarding";
import { ZEmailOperatorForm, type TEmailOperatorForm } from "./team";

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

export {
  nameCreateInput,
  namePatch,
  type OperatorFormCapabilities,
  type TOperatorPatch,
} from "@/lib/operators/form-values";
