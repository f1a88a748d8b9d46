"use client";
import { useTranslations } from "next-intl";
import { lazyWithPreload } from "@/components/ui/lazy";
import { FormOnRequest } from "@/components/ui/form-on-request";

const ChangePasswordForm = lazyWithPreload(() => import("./change-password-form"));

/** "Alterar senha" opens the form (current + new password) in place. */
export function ChangePasswordSection({ email }: { email: string }) {
  const t = useTranslations("auth.account");
  return (
    <FormOnRequest label={t("open")} target={ChangePasswordForm}>
      {(close) => <ChangePasswordForm email={email} onClose={close} />}
    </FormOnRequest>
  );
}
