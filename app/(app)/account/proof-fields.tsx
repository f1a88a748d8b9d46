"use client";
import { useTranslations } from "next-intl";
import type { UseFormReturn } from "react-hook-form";
import { PasswordField } from "@/components/ui/password-field";
import { useServerFormFieldError } from "@/components/ui/server-form";
import { TextField } from "@/components/ui/text-field";

interface ProofValues {
  password: string;
  code?: string;
}

/**
 * What proves it is really them before something that cannot be undone: the password (with the
 * account's e-mail beside it for password managers) and, when asked for, a current code from the
 * authenticator app or a recovery code.
 */
export function ProofFields<T extends ProofValues>({
  form,
  email,
  passwordLabel,
  withCode,
}: {
  form: UseFormReturn<T>;
  email: string;
  passwordLabel: string;
  withCode: boolean;
}) {
  const t = useTranslations("twoFactor.section");
  // The two fields every proof has; react-hook-form's paths are typed per form, these two are in each.
  const proof = form as unknown as UseFormReturn<ProofValues>;
  const fieldError = useServerFormFieldError(proof);
  return (
    <>
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <PasswordField
        label={passwordLabel}
        autoComplete="current-password"
        error={fieldError("password")}
        {...proof.register("password")}
      />
      {withCode && (
        <TextField
          label={t("proofCode")}
          autoComplete="one-time-code"
          spellCheck={false}
          maxLength={20}
          error={fieldError("code")}
          {...proof.register("code")}
        />
      )}
    </>
  );
}
