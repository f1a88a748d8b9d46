"use client";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PasswordField } from "@/components/ui/password-field";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/lib/forms/action-form";
import type { TSignUpInput } from "@/lib/validation/auth";
import { signUpFormAction, type SignUpState } from "./actions";
import { lazyZodResolver } from "@/lib/forms/lazy-resolver";
import { AuthSwitch } from "../_form/auth-switch";

const signUpInputResolver = lazyZodResolver<TSignUpInput>(() =>
  import("@/lib/validation/auth").then((m) => m.ZSignUpInput),
);

const initial: SignUpState = { failure: null, values: { name: "", email: "", companyName: "" } };

export function SignUpForm() {
  const t = useTranslations("auth.signUp");
  const { formAction, onSubmit, pending, field, generalError } = useActionForm(
    signUpFormAction,
    initial,
    signUpInputResolver,
    (state) => ({ ...state.values, password: "" }),
  );

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {generalError && <Alert>{generalError}</Alert>}
      <TextField label={t("name")} autoComplete="name" {...field("name")} />
      <TextField label={t("email")} type="email" autoComplete="email" {...field("email")} />
      <PasswordField
        label={t("password")}
        autoComplete="new-password"
        hint={t("passwordHint")}
        {...field("password")}
      />
      <TextField label={t("companyName")} autoComplete="organization" {...field("companyName")} />
      <Button type="submit" busy={pending} className="mt-2 w-full">
        {pending ? t("submitting") : t("submit")}
      </Button>
      <AuthSwitch prompt={t("haveAccount")} href="/sign-in" label={t("signInLink")} />
    </form>
  );
}
