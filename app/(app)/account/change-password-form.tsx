"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PasswordField } from "@/components/ui/password-field";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";
import { ZChangePasswordInput, type TChangePasswordInput } from "@/lib/validation/auth";

/**
 * Current + new password; a password manager sees the account (`username`) it belongs to.
 * Opened on request (./change-password-section.tsx): it takes focus, and closes once saved.
 */
export default function ChangePasswordForm({ email, onClose }: { email: string; onClose: () => void }) {
  const t = useTranslations("auth.account");
  const tc = useTranslations("common");
  const errors = useErrorMessage();
  const trpc = useTRPC();
  const change = useMutation(trpc.me.changePassword.mutationOptions());
  const form = useForm<TChangePasswordInput>({
    resolver: zodResolver(ZChangePasswordInput),
    mode: "onTouched",
    defaultValues: { currentPassword: "", newPassword: "" },
  });
  useEffect(() => form.setFocus("currentPassword"), [form]);

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await change.mutateAsync(values);
      toast.success(t("changed"));
      onClose();
    } catch (error) {
      const data = errorDataOf(error);
      const field = data.appError?.field;
      if (field === "currentPassword" || field === "newPassword")
        form.setError(field, { message: errors.message(data) }, { shouldFocus: true });
      for (const [name, keys] of Object.entries(data.fieldErrors ?? {})) {
        if (name === "currentPassword" || name === "newPassword") form.setError(name, { message: keys[0] });
      }
      if (!field && !data.fieldErrors) form.setError("root", { message: errors.message(data) });
    }
  });

  const rootError = form.formState.errors.root?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {rootError && <Alert>{rootError}</Alert>}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <PasswordField
        label={t("currentPassword")}
        autoComplete="current-password"
        error={errors.field(form.formState.errors.currentPassword?.message)}
        {...form.register("currentPassword")}
      />
      <PasswordField
        label={t("newPassword")}
        autoComplete="new-password"
        hint={t("newPasswordHint")}
        error={errors.field(form.formState.errors.newPassword?.message)}
        {...form.register("newPassword")}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" busy={change.isPending}>
          {change.isPending ? t("submitting") : t("submit")}
        </Button>
        <Button type="button" variant="ghost" onClick={onClose}>
          {tc("cancel")}
        </Button>
      </div>
    </form>
  );
}
