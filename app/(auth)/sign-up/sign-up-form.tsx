"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PasswordField } from "@/components/ui/password-field";
import { TextField } from "@/components/ui/text-field";
import { useErrorMessage } from "@/lib/errors/messages";
import { validatedSubmit } from "@/lib/forms/validated-submit";
import type { TSignUpInput } from "@/lib/validation/auth";
import { signUpFormAction, type SignUpState } from "./actions";
import { lazyZodResolver } from "@/lib/forms/lazy-resolver";

const signUpInputResolver = lazyZodResolver<TSignUpInput>(() =>
  import("@/lib/validation/auth").then((m) => m.ZSignUpInput),
);

const initial: SignUpState = { failure: null, values: { name: "", email: "", companyName: "" } };

export function SignUpForm() {
  const t = useTranslations("auth.signUp");
  const errors = useErrorMessage();
  const [state, formAction, pending] = useActionState(signUpFormAction, initial);
  const form = useForm<TSignUpInput>({
    resolver: signUpInputResolver,
    mode: "onTouched",
    values: { ...state.values, password: "" },
    resetOptions: { keepDirtyValues: true },
  });

  // A field's error: the browser-side check first, else what the server said about it.
  const fieldError = (name: keyof TSignUpInput): string | undefined => {
    const local = form.formState.errors[name]?.message;
    if (local) return errors.field(local);
    const server = state.failure?.fieldErrors?.[name]?.[0];
    if (server) return errors.field(server);
    if (state.failure?.appError?.field === name) return errors.message(state.failure);
    return undefined;
  };
  const generalError =
    state.failure && !state.failure.appError?.field && !state.failure.fieldErrors
      ? errors.message(state.failure)
      : undefined;

  const onSubmit = validatedSubmit(form, formAction);

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {generalError && <Alert>{generalError}</Alert>}
      <TextField label={t("name")} autoComplete="name" error={fieldError("name")} {...form.register("name")} />
      <TextField
        label={t("email")}
        type="email"
        autoComplete="email"
        error={fieldError("email")}
        {...form.register("email")}
      />
      <PasswordField
        label={t("password")}
        autoComplete="new-password"
        hint={t("passwordHint")}
        error={fieldError("password")}
        {...form.register("password")}
      />
      <TextField
        label={t("companyName")}
        autoComplete="organization"
        error={fieldError("companyName")}
        {...form.register("companyName")}
      />
      <Button type="submit" busy={pending} className="mt-2 w-full">
        {pending ? t("submitting") : t("submit")}
      </Button>
      <p className="text-center text-sm text-slate-600">
        {t("haveAccount")}{" "}
        <Link href="/sign-in" className="font-semibold text-brand-700 hover:underline">
          {t("signInLink")}
        </Link>
      </p>
    </form>
  );
}
