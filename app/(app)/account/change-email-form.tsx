"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PasswordField } from "@/components/ui/password-field";
import { TextField } from "@/components/ui/text-field";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";
import { ZChangeEmailInput, type TChangeEmailInput } from "@/lib/validation/email";

/**
 * A new address and the current password. Opened on request (./change-email-section.tsx): it
 * takes focus, and closes once the confirmation link is on its way.
 */
export default function ChangeEmailForm({
  onSubmitting,
  onRequested,
  onClose,
}: {
  onSubmitting: () => void;
  onRequested: (pendingEmail: string) => Promise<void>;
  onClose: () => void;
}) {
  const t = useTranslations("email.account");
  const tc = useTranslations("common");
  const errors = useErrorMessage();
  const trpc = useTRPC();
  const change = useMutation(trpc.me.changeEmail.mutationOptions());
  const form = useForm<TChangeEmailInput>({
    resolver: zodResolver(ZChangeEmailInput),
    mode: "onTouched",
    defaultValues: { newEmail: "", currentPassword: "" },
  });
  useEffect(() => form.setFocus("newEmail"), [form]);

  const onSubmit = form.handleSubmit(async (values) => {
    onSubmitting();
    try {
      const res = await change.mutateAsync(values);
      onClose();
      await onRequested(res.pendingEmail);
    } catch (error) {
      const data = errorDataOf(error);
      const field = data.appError?.field;
      if (field === "newEmail" && data.appError?.code === "VALIDATION")
        form.setError("newEmail", { message: t("sameEmail") }, { shouldFocus: true });
      else if (field === "currentPassword" || field === "newEmail")
        form.setError(field, { message: errors.message(data) }, { shouldFocus: true });
      for (const [name, keys] of Object.entries(data.fieldErrors ?? {})) {
        if (name === "currentPassword" || name === "newEmail") form.setError(name, { message: keys[0] });
      }
      if (!field && !data.fieldErrors) form.setError("root", { message: errors.message(data) });
    }
  });

  const rootError = form.formState.errors.root?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {rootError && <Alert>{rootError}</Alert>}
      <TextField
        label={t("newEmail")}
        type="email"
        autoComplete="email"
        error={errors.field(form.formState.errors.newEmail?.message)}
        {...form.register("newEmail")}
      />
      <PasswordField
        label={t("currentPassword")}
        autoComplete="current-password"
        error={errors.field(form.formState.errors.currentPassword?.message)}
        {...form.register("currentPassword")}
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
