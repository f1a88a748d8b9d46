"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PasswordField } from "@/components/ui/password-field";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/lib/forms/action-form";
import { useErrorMessage } from "@/lib/errors/messages";
import type { TJoinForm } from "@/lib/validation/team";
import { acceptInvitationAction, type AcceptState } from "./actions";
import { lazyZodResolver } from "@/lib/forms/lazy-resolver";

const joinFormResolver = lazyZodResolver<TJoinForm>(() => import("@/lib/validation/team").then((m) => m.ZJoinForm));

const initial: AcceptState = { failure: null, values: { name: "" } };

/** New invitee: name + password, then joined and signed in. Works before hydration too. */
export function JoinForm({ token }: { token: string }) {
  const t = useTranslations("team.accept");
  const { formAction, onSubmit, pending, field, generalError } = useActionForm(
    acceptInvitationAction,
    initial,
    joinFormResolver,
    (state) => ({ name: state.values.name, password: "" }),
  );
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {generalError && <Alert>{generalError}</Alert>}
      <input type="hidden" name="token" value={token} />
      <TextField label={t("name")} autoComplete="name" {...field("name")} />
      <PasswordField
        label={t("password")}
        autoComplete="new-password"
        hint={t("passwordHint")}
        {...field("password")}
      />
      <Button type="submit" busy={pending} className="mt-2 w-full">
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}

/** Signed in with the invited e-mail: one button. */
export function AcceptSignedInForm({ token }: { token: string }) {
  const t = useTranslations("team.accept");
  const errors = useErrorMessage();
  const [state, formAction, pending] = useActionState(acceptInvitationAction, initial);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      {state.failure && <Alert>{errors.message(state.failure)}</Alert>}
      <input type="hidden" name="token" value={token} />
      <Button type="submit" busy={pending} className="w-full">
        {t("acceptSignedIn")}
      </Button>
    </form>
  );
}
