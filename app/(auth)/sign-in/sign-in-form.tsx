"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PasswordField } from "@/components/ui/password-field";
import { TextField } from "@/components/ui/text-field";
import { signInWithCredentials } from "@/lib/auth/browser";
import { useErrorMessage } from "@/lib/errors/messages";
import type { TSignInInput } from "@/lib/validation/auth";
import { TwoFactorStep } from "./two-factor-step";
import { lazyZodResolver } from "@/lib/forms/lazy-resolver";
import { AuthSwitch } from "../_form/auth-switch";

const signInInputResolver = lazyZodResolver<TSignInInput>(() =>
  import("@/lib/validation/auth").then((m) => m.ZSignInInput),
);

export function SignInForm({ callbackPath }: { callbackPath: string }) {
  const t = useTranslations("auth.signIn");
  const errors = useErrorMessage();
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  // Right password, two-factor on: the code step, with the e-mail and password kept for its resubmission.
  const [secondStep, setSecondStep] = useState<TSignInInput | null>(null);
  const form = useForm<TSignInInput>({ resolver: signInInputResolver, mode: "onTouched" });
  const { isSubmitting } = form.formState;

  const onValid = async (values: TSignInInput) => {
    setFailure(null);
    const result = await signInWithCredentials(values).catch(() => undefined);
    if (!result) return setFailure(errors.message({ appError: { code: "NETWORK" } }));
    if (result.error) {
      // "RATE_LIMITED:<minutes>" when too many attempts failed, anything else is a refusal.
      const [code, minutes] = result.error.split(":");
      if (code === "TWO_FACTOR_REQUIRED") return setSecondStep(values);
      if (code === "RATE_LIMITED") {
        setFailure(errors.message({ appError: { code, params: { minutes: Number(minutes) || 15 } } }));
      } else {
        form.setError(
          "password",
          { message: errors.message({ appError: { code: "INVALID_CREDENTIALS" } }) },
          { shouldFocus: true },
        );
      }
      return;
    }
    router.replace(callbackPath);
    router.refresh();
  };

  const field = (name: keyof TSignInInput) => ({
    ...form.register(name),
    error: errors.field(form.formState.errors[name]?.message),
  });

  if (secondStep)
    return <TwoFactorStep credentials={secondStep} callbackPath={callbackPath} onBack={() => setSecondStep(null)} />;

  return (
    <form onSubmit={form.handleSubmit(onValid)} noValidate className="flex flex-col gap-4" method="post">
      {failure && <Alert>{failure}</Alert>}
      <TextField label={t("email")} type="email" autoComplete="email" {...field("email")} />
      <PasswordField label={t("password")} autoComplete="current-password" {...field("password")} />
      <Link href="/forgot-password" className="-mt-2 self-end text-sm font-semibold text-brand-700 hover:underline">
        {t("forgotPassword")}
      </Link>
      <Button type="submit" busy={isSubmitting} className="mt-2 w-full">
        {isSubmitting ? t("submitting") : t("submit")}
      </Button>
      <AuthSwitch prompt={t("noAccount")} href="/sign-up" label={t("signUpLink")} />
    </form>
  );
}
