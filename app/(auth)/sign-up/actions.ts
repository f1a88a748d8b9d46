"use server";
import { redirect } from "next/navigation";
import { createAction, runAction, type ActionFailure } from "@/server/api/actions";
import { authRouter } from "@/server/api/routers/auth/router";

const signUpThroughProcedure = createAction(authRouter.signUp);

export interface SignUpState {
  failure: ActionFailure | null;
  /** What was typed (never the password), to refill the form after a server-side refusal. */
  values: { name: string; email: string; companyName: string };
}

export async function signUpFormAction(_prev: SignUpState, formData: FormData): Promise<SignUpState> {
  const result = await runAction<{ organizationId: string }>(signUpThroughProcedure, formData);
  if (result.ok) redirect("/");
  const text = (key: string) => {
    const v = formData.get(key);
    return typeof v === "string" ? v.slice(0, 254) : "";
  };
  return {
    failure: { appError: result.appError, fieldErrors: result.fieldErrors, requestId: result.requestId },
    values: { name: text("name"), email: text("email"), companyName: text("companyName") },
  };
}
