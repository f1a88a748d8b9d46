"use server";
import { redirect } from "next/navigation";
import { createAction, runAction, type ActionFailure } from "@/server/api/actions";
import { invitationsRouter } from "@/server/api/routers/invitations/router";

const acceptThroughProcedure = createAction(invitationsRouter.accept);

export interface AcceptState {
  failure: ActionFailure | null;
  /** What was typed (never the password), to refill the form after a refusal. */
  values: { name: string };
}

/** Accepts an invitation through invitations.accept (same schema, same checks) and opens the team page. */
export async function acceptInvitationAction(_prev: AcceptState, formData: FormData): Promise<AcceptState> {
  // A signed-in invitee sends only the token: drop empty optional fields instead of failing validation.
  for (const key of ["name", "password"]) if (formData.get(key) === "") formData.delete(key);
  const result = await runAction<{ organizationId: string }>(acceptThroughProcedure, formData);
  if (result.ok) redirect("/team/members");
  const name = formData.get("name");
  return {
    failure: { appError: result.appError, fieldErrors: result.fieldErrors, requestId: result.requestId },
    values: { name: typeof name === "string" ? name.slice(0, 120) : "" },
  };
}
