"use server";
import { redirect } from "next/navigation";
import { createAction, runAction, type ActionFailure } from "@/server/api/actions";
import { authRouter } from "@/server/api/routers/auth/router";

const resetThroughProcedure = createAction(authRouter.resetPassword);

export interface ResetPasswordState {
  failure: ActionFailure | null;
}

/** Sets the new password through auth.resetPassword, then sends the person to sign in with it. */
export async function resetPasswordAction(_prev: ResetPasswordState, formData: FormData): Promise<ResetPasswordState> {
  // The hidden username field is for password managers only.
  formData.delete("username");
  const result = await runAction<{ done: true }>(resetThroughProcedure, formData);
  if (result.ok) redirect("/sign-in?reset=1");
  return { failure: { appError: result.appError, fieldErrors: result.fieldErrors, requestId: result.requestId } };
}
