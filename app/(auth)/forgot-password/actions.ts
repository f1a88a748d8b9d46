"use server";
import { createAction, runAction, type ActionFailure } from "@/server/api/actions";
import { authRouter } from "@/server/api/routers/auth/router";

const requestThroughProcedure = createAction(authRouter.requestPasswordReset);

export interface ForgotPasswordState {
  failure: ActionFailure | null;
  /** The address the link went to (when it has an account), once the request is done. */
  sentTo: string | null;
  email: string;
}

/** Asks for a reset link through auth.requestPasswordReset (same schema, same rate limits). */
export async function requestPasswordResetAction(
  _prev: ForgotPasswordState,
  formData: FormData,
): Promise<ForgotPasswordState> {
  const raw = formData.get("email");
  const email = typeof raw === "string" ? raw.trim().slice(0, 254) : "";
  const result = await runAction<{ sent: true }>(requestThroughProcedure, formData);
  if (result.ok) return { failure: null, sentTo: email, email };
  return {
    failure: { appError: result.appError, fieldErrors: result.fieldErrors, requestId: result.requestId },
    sentTo: null,
    email,
  };
}
