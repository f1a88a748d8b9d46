"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PasswordField } from "@/components/ui/password-field";
import { useErrorMessage } from "@/lib/errors/messages";
import { validatedSubmit } from "@/lib/forms/validated-submit";
import type { TResetPasswordForm } from "@/lib/validation/auth";
import { resetPasswordAction, type ResetPasswordState } from "./actions";
import { lazyZodResolver } from "@/lib/forms/lazy-resolver";

const resetPasswordFormResolver = lazyZodResolver<TResetPasswordForm>(() =>
  import("@/lib/validation/auth").then((m) => m.ZResetPasswordForm),
);

const initial: ResetPasswordState = { failure: null };

/** The new password. Works before hydration too (a plain post through the procedure). */
export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("auth.resetPassword");
  const errors = useErrorMessage();
  const [state, formAction, pending] = useActionState(resetPasswordAction, initial);
  const form = useForm<TResetPasswordForm>({ resolver: resetPasswordFormResolver, mode: "onTouched" });

  const local = form.formState.errors.password?.message;
  const server = state.failure?.fieldErrors?.password?.[0];
  const passwordError = local ? errors.field(local) : server ? errors.field(server) : undefined;
  const generalError = state.failure && !passwordError ? errors.message(state.failure) : undefined;
  // A dead link (used, expired, replaced) cannot be fixed from this form: offer a new one.
  const linkDead = ["RESET_USED", "RESET_EXPIRED", "RESET_INVALID"].includes(state.failure?.appError?.code ?? "");

  const onSubmit = validatedSubmit(form, formAction);

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {generalError && (
        <Alert>
          {generalError}
          {linkDead && (
            <Link href="/forgot-password" className="ml-1 font-semibold underline">
              {t("requestNew")}
            </Link>
          )}
        </Alert>
      )}
      <input type="hidden" name="token" value={token} />
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <PasswordField
        label={t("password")}
        autoComplete="new-password"
        hint={t("passwordHint")}
        error={passwordError}
        {...form.register("password")}
      />
      <Button type="submit" busy={pending} className="mt-2 w-full">
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
