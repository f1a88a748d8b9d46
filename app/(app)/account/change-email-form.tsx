"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { PasswordField } from "@/components/ui/password-field";
import { ServerForm, useServerFormFieldError } from "@/components/ui/server-form";
import { TextField } from "@/components/ui/text-field";
import { APP_FIELD_ERROR } from "@/lib/forms/server-errors";
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
  const trpc = useTRPC();
  const change = useMutation(trpc.me.changeEmail.mutationOptions());
  const form = useForm<TChangeEmailInput>({
    resolver: zodResolver(ZChangeEmailInput),
    mode: "onTouched",
    defaultValues: { newEmail: "", currentPassword: "" },
  });
  const fieldError = useServerFormFieldError(form);
  useEffect(() => form.setFocus("newEmail"), [form]);

  return (
    <ServerForm
      form={form}
      fields={["newEmail", "currentPassword"]}
      onSubmit={async (values) => {
        onSubmitting();
        const res = await change.mutateAsync(values);
        onClose();
        await onRequested(res.pendingEmail);
      }}
      onRefusal={(data) => {
        // The address the account already has: said in this form's own words.
        if (data.appError?.code !== "VALIDATION" || data.appError.field !== "newEmail") return false;
        form.setError("newEmail", { type: APP_FIELD_ERROR, message: t("sameEmail") }, { shouldFocus: true });
        return true;
      }}
      submitLabel={t("submit")}
      busyLabel={t("submitting")}
      cancel={{ label: tc("cancel"), onClick: onClose }}
    >
      <TextField
        label={t("newEmail")}
        type="email"
        autoComplete="email"
        error={fieldError("newEmail")}
        {...form.register("newEmail")}
      />
      <PasswordField
        label={t("currentPassword")}
        autoComplete="current-password"
        error={fieldError("currentPassword")}
        {...form.register("currentPassword")}
      />
    </ServerForm>
  );
}
