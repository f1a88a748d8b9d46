"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { PasswordField } from "@/components/ui/password-field";
import { ServerForm, useServerFormFieldError } from "@/components/ui/server-form";
import { useTRPC } from "@/lib/trpc/react";
import { ZChangePasswordInput, type TChangePasswordInput } from "@/lib/validation/auth";

/**
 * Current + new password (which must differ from the current one); a password manager sees the
 * account (`username`) it belongs to. Opened on request (./change-password-section.tsx): it takes
 * focus, and closes once saved.
 */
export default function ChangePasswordForm({ email, onClose }: { email: string; onClose: () => void }) {
  const t = useTranslations("auth.account");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const change = useMutation(trpc.me.changePassword.mutationOptions());
  const form = useForm<TChangePasswordInput>({
    resolver: zodResolver(ZChangePasswordInput),
    mode: "onTouched",
    defaultValues: { currentPassword: "", newPassword: "" },
  });
  const fieldError = useServerFormFieldError(form);
  useEffect(() => form.setFocus("currentPassword"), [form]);

  return (
    <ServerForm
      form={form}
      fields={["currentPassword", "newPassword"]}
      onSubmit={async (values) => {
        await change.mutateAsync(values);
        toast.success(t("changed"));
        onClose();
      }}
      submitLabel={t("submit")}
      busyLabel={t("submitting")}
      cancel={{ label: tc("cancel"), onClick: onClose }}
    >
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <PasswordField
        label={t("currentPassword")}
        autoComplete="current-password"
        error={fieldError("currentPassword")}
        {...form.register("currentPassword")}
      />
      <PasswordField
        label={t("newPassword")}
        autoComplete="new-password"
        hint={t("newPasswordHint")}
        error={fieldError("newPassword")}
        {...form.register("newPassword")}
      />
    </ServerForm>
  );
}
