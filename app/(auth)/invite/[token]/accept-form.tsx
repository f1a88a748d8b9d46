"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PasswordField } from "@/components/ui/password-field";
import { TextField } from "@/components/ui/text-field";
import { useErrorMessage } from "@/lib/errors/messages";
import { validatedSubmit } from "@/lib/forms/validated-submit";
import type { TJoinForm } from "@/lib/validation/team";
import { acceptInvitationAction, type AcceptState } from "./actions";
import { lazyZodResolver } from "@/lib/forms/lazy-resolver";

const joinFormResolver = lazyZodResolver<TJoinForm>(() => import("@/lib/validation/team").then((m) => m.ZJoinForm));

const initial: AcceptState = { failure: null, values: { name: "" } };

/** New invitee: name + password, then joined and signed in. Works before hydration too. */
export function JoinForm({ token }: { token: string }) {
  const t = useTranslations("team.accept");
  const errors = useErrorMessage();
  const [state, formAction, pending] = useActionState(acceptInvitationAction, initial);
  const form = useForm<TJoinForm>({
    resolver: joinFormResolver,
    mode: "onTouched",
    values: { name: state.values.name, password: "" },
    resetOptions: { keepDirtyValues: true },
  });
  const fieldError = (name: keyof TJoinForm): string | undefined => {
    const local = form.formState.errors[name]?.message;
    if (local) return errors.field(local);
    const server = state.failure?.fieldErrors?.[name]?.[0];
    if (server) return errors.field(server);
    return undefined;
  };
  const generalError = state.failure && !state.failure.fieldErrors ? errors.message(state.failure) : undefined;
  const onSubmit = validatedSubmit(form, formAction);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {generalError && <Alert>{generalError}</Alert>}
      <input type="hidden" name="token" value={token} />
      <TextField label={t("name")} autoComplete="name" error={fieldError("name")} {...form.register("name")} />
      <PasswordField
        label={t("password")}
        autoComplete="new-password"
        hint={t("passwordHint")}
        error={fieldError("password")}
        {...form.register("password")}
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
