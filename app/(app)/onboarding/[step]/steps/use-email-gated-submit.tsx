"use client";
/**
 * Step 1's submit (create the account, or connect the chat space): the form can be filled in
 * before the e-mail is confirmed, sending waits for it (VerifyEmailPanel, then sends what is in
 * the form). A failure is kept for the step to show, and one that names a field lands on it.
 */
import { useState } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { errorDataOf, useErrorMessage, type ServerErrorData } from "@/lib/errors/messages";
import { VerifyEmailPanel } from "../../../_email/verify-email-panel";
import { useWizard } from "./use-wizard";

export function useEmailGatedSubmit<T extends FieldValues>(
  form: UseFormReturn<T>,
  /** The field a failure is about, if any. */
  fieldOf: (failure: ServerErrorData) => Path<T> | undefined,
) {
  const errors = useErrorMessage();
  const { data, refresh } = useWizard();
  const [failure, setFailure] = useState<ServerErrorData | null>(null);
  const [waitingForEmail, setWaitingForEmail] = useState(false);
  return {
    failure,
    /** The mutation's own callbacks. */
    mutationCallbacks: {
      onMutate: () => setFailure(null),
      onError: async (err: unknown) => {
        const e = errorDataOf(err);
        if (e.appError?.code === "EMAIL_NOT_VERIFIED") {
          setWaitingForEmail(true);
          await refresh();
          return;
        }
        setFailure(e);
        const field = fieldOf(e);
        if (field) form.setError(field, { message: errors.message(e) });
        await refresh();
      },
    },
    /** The form's onSubmit: the browser-side check, then `send` once the e-mail is confirmed. */
    onSubmit: (send: (values: T) => void, busy: boolean) =>
      form.handleSubmit((values) => {
        if (!data.me.emailVerified) setWaitingForEmail(true);
        else if (!busy) send(values);
      }),
    /** "Confirme seu e-mail" while sending waits for it; sends the form once it is confirmed. */
    emailPanel: (send: (values: T) => void) =>
      waitingForEmail && (
        <VerifyEmailPanel
          email={data.me.email}
          onVerified={() => {
            setWaitingForEmail(false);
            void refresh();
            send(form.getValues());
          }}
        />
      ),
  };
}
