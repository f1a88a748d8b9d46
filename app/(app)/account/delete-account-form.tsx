"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { PasswordField } from "@/components/ui/password-field";
import { ServerForm, useServerFormFieldError } from "@/components/ui/server-form";
import { useTRPC } from "@/lib/trpc/react";
import { ZDeleteAccountInput, type TDeleteAccountInput } from "@/lib/validation/account";

/**
 * The password confirms the deletion. Once done the session is gone: the browser leaves for the
 * sign-in page, which says the account was deleted.
 */
export default function DeleteAccountForm({ email, onClose }: { email: string; onClose: () => void }) {
  const t = useTranslations("auth.account");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const remove = useMutation(trpc.me.deleteAccount.mutationOptions());
  const form = useForm<TDeleteAccountInput>({
    resolver: zodResolver(ZDeleteAccountInput),
    mode: "onTouched",
    defaultValues: { password: "" },
  });
  const fieldError = useServerFormFieldError(form);
  useEffect(() => form.setFocus("password"), [form]);

  return (
    <ServerForm
      form={form}
      fields={["password"]}
      onSubmit={async (values) => {
        await remove.mutateAsync(values);
        // A full load: nothing of the signed-in pages stays in memory.
        window.location.replace(new URL("/sign-in?deleted=1", window.location.origin));
      }}
      submitLabel={t("deleteSubmit")}
      busyLabel={t("deleting")}
      submitVariant="danger"
      cancel={{ label: tc("cancel"), onClick: onClose }}
    >
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <PasswordField
        label={t("deletePassword")}
        autoComplete="current-password"
        error={fieldError("password")}
        {...form.register("password")}
      />
    </ServerForm>
  );
}
