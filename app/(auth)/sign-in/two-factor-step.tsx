"use client";
/**
 * The sign-in's second step for accounts with two-factor on: the authenticator app's code (or
 * a recovery code), sent again with the e-mail and password; the session opens only then.
 */
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { signInWithCredentials } from "@/lib/auth/browser";
import { useErrorMessage } from "@/lib/errors/messages";
import type { TSignInInput } from "@/lib/validation/auth";
import type { TSignInSecondFactorForm } from "@/lib/validation/two-factor";
import { lazyZodResolver } from "@/lib/forms/lazy-resolver";

const signInSecondFactorFormResolver = lazyZodResolver<TSignInSecondFactorForm>(() =>
  import("@/lib/validation/two-factor").then((m) => m.ZSignInSecondFactorForm),
);

type Mode = "code" | "recoveryCode";

export function TwoFactorStep({
  credentials,
  callbackPath,
  onBack,
}: {
  credentials: TSignInInput;
  callbackPath: string;
  onBack: () => void;
}) {
  const t = useTranslations("twoFactor.signIn");
  const errors = useErrorMessage();
  const router = useRouter();
  const [mode, setMode] = useState<Mode>("code");
  const [failure, setFailure] = useState<string | null>(null);
  // One field at a time; the hidden one's value is dropped (shouldUnregister).
  const form = useForm<TSignInSecondFactorForm>({
    resolver: signInSecondFactorFormResolver,
    mode: "onSubmit",
    shouldUnregister: true,
  });
  const { isSubmitting } = form.formState;

  const onValid = async (values: TSignInSecondFactorForm) => {
    setFailure(null);
    const secondFactor: Record<string, string> =
      mode === "code" ? { code: values.code ?? "" } : { recoveryCode: values.recoveryCode ?? "" };
    const result = await signInWithCredentials({ ...credentials, ...secondFactor }).catch(() => undefined);
    if (!result) return setFailure(errors.message({ appError: { code: "NETWORK" } }));
    if (result.error) {
      const [code, minutes] = result.error.split(":");
      if (code === "RATE_LIMITED") {
        setFailure(errors.message({ appError: { code, params: { minutes: Number(minutes) || 15 } } }));
      } else if (code === "TWO_FACTOR_INVALID") {
        form.setError(mode, { message: mode === "code" ? t("wrongCode") : t("wrongRecovery") }, { shouldFocus: true });
      } else {
        // The password stopped matching meanwhile (changed elsewhere): start over.
        setFailure(errors.message({ appError: { code: "INVALID_CREDENTIALS" } }));
      }
      return;
    }
    router.replace(callbackPath);
    router.refresh();
  };

  const switchMode = () => {
    form.clearErrors();
    setFailure(null);
    setMode(mode === "code" ? "recoveryCode" : "code");
  };

  return (
    <form onSubmit={form.handleSubmit(onValid)} noValidate className="flex flex-col gap-4" method="post">
      <h2 className="text-lg font-semibold text-slate-900">{t("title")}</h2>
      <p className="-mt-2 text-sm text-slate-600">{mode === "code" ? t("intro") : t("recoveryIntro")}</p>
      {failure && <Alert>{failure}</Alert>}
      {mode === "code" ? (
        <TextField
          key="code"
          label={t("code")}
          autoComplete="one-time-code"
          inputMode="numeric"
          pattern="[0-9]*"
          maxLength={7}
          autoFocus
          error={errors.field(form.formState.errors.code?.message)}
          {...form.register("code")}
        />
      ) : (
        <TextField
          key="recoveryCode"
          label={t("recoveryCode")}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={20}
          autoFocus
          error={errors.field(form.formState.errors.recoveryCode?.message)}
          {...form.register("recoveryCode")}
        />
      )}
      <button
        type="button"
        onClick={switchMode}
        className="-mt-2 self-start text-sm font-semibold text-brand-700 hover:underline"
      >
        {mode === "code" ? t("useRecovery") : t("useApp")}
      </button>
      <Button type="submit" busy={isSubmitting} className="mt-2 w-full">
        {isSubmitting ? t("submitting") : t("submit")}
      </Button>
      <button type="button" onClick={onBack} className="text-center text-sm text-slate-600 hover:underline">
        {t("back")}
      </button>
    </form>
  );
}
