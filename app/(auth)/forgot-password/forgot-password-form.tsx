"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useErrorMessage } from "@/lib/errors/messages";
import { validatedSubmit } from "@/lib/forms/validated-submit";
import type { TRequestPasswordResetInput } from "@/lib/validation/auth";
import { requestPasswordResetAction, type ForgotPasswordState } from "./actions";
import { lazyZodResolver } from "@/lib/forms/lazy-resolver";

const requestPasswordResetInputResolver = lazyZodResolver<TRequestPasswordResetInput>(() =>
  import("@/lib/validation/auth").then((m) => m.ZRequestPasswordResetInput),
);

const initial: ForgotPasswordState = { failure: null, sentTo: null, email: "" };

export function ForgotPasswordForm() {
  const t = useTranslations("auth.forgotPassword");
  const errors = useErrorMessage();
  const [state, formAction, pending] = useActionState(requestPasswordResetAction, initial);
  // "Send to another e-mail" goes back to the form without losing what was typed.
  const [dismissed, setDismissed] = useState<ForgotPasswordState | null>(null);
  const form = useForm<TRequestPasswordResetInput>({
    resolver: requestPasswordResetInputResolver,
    mode: "onTouched",
    values: { email: state.email },
    resetOptions: { keepDirtyValues: true },
  });

  if (state.sentTo && state !== dismissed) {
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="info">
          <p className="font-semibold">{t("sentTitle")}</p>
          <p className="mt-1">{t("sent", { email: state.sentTo })}</p>
        </Alert>
        <p className="text-sm text-slate-600">{t("sentHint")}</p>
        <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
          <button
            type="button"
            className="font-semibold text-brand-700 hover:underline"
            onClick={() => setDismissed(state)}
          >
            {t("tryAgain")}
          </button>
          <Link href="/sign-in" className="font-semibold text-brand-700 hover:underline">
            {t("backToSignIn")}
          </Link>
        </div>
      </div>
    );
  }

  const local = form.formState.errors.email?.message;
  const emailError = local
    ? errors.field(local)
    : state.failure?.fieldErrors?.email?.[0]
      ? errors.field(state.failure.fieldErrors.email[0])
      : undefined;
  const generalError = state.failure && !emailError ? errors.message(state.failure) : undefined;

  const onSubmit = validatedSubmit(form, formAction);

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {generalError && <Alert>{generalError}</Alert>}
      <TextField label={t("email")} type="email" autoComplete="email" error={emailError} {...form.register("email")} />
      <Button type="submit" busy={pending} className="mt-2 w-full">
        {pending ? t("submitting") : t("submit")}
      </Button>
      <p className="text-center text-sm">
        <Link href="/sign-in" className="font-semibold text-brand-700 hover:underline">
          {t("backToSignIn")}
        </Link>
      </p>
    </form>
  );
}
