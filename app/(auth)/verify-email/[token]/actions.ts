"use server";
import { redirect } from "next/navigation";
import { createAction, runAction, type ActionFailure } from "@/server/api/actions";
import { verificationRouter } from "@/server/api/routers/verification/router";

const confirmThroughProcedure = createAction(verificationRouter.confirm);

export interface ConfirmEmailState {
  failure: ActionFailure | null;
}

/**
 * "Confirmar e-mail": uses the link through verification.confirm (a POST, so a link scanner that
 * only GETs the page does not spend it), then sends the person on: signed in as that account →
 * the portal (the wizard picks up where it waited); otherwise → sign in, with a notice.
 */
export async function confirmEmailAction(_prev: ConfirmEmailState, formData: FormData): Promise<ConfirmEmailState> {
  const result = await runAction<{ purpose: "sign_up" | "change"; signedIn: boolean }>(
    confirmThroughProcedure,
    formData,
  );
  if (result.ok) {
    if (result.data.signedIn) redirect(result.data.purpose === "change" ? "/account?emailChanged=1" : "/");
    redirect(result.data.purpose === "change" ? "/sign-in?emailChanged=1" : "/sign-in?verified=1");
  }
  return { failure: { appError: result.appError, fieldErrors: result.fieldErrors, requestId: result.requestId } };
}
