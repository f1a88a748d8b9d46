"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { ServerForm } from "@/components/ui/server-form";
import { useTRPC } from "@/lib/trpc/react";
import { ZDeleteAccountInput, ZDeleteAccountWithCodeInput, type TDeleteAccountInput } from "@/lib/validation/account";
import { ProofFields } from "./proof-fields";

/**
 * The password confirms the deletion (and, with two-factor sign-in on, a current code). Once done
 * the session is gone: the browser leaves for the sign-in page, which says the account was deleted.
 */
export default function DeleteAccountForm({
  email,
  twoFactorEnabled,
  onClose,
}: {
  email: string;
  twoFactorEnabled: boolean;
  onClose: () => void;
}) {
  const t = useTranslations("auth.account");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const remove = useMutation(trpc.me.deleteAccount.mutationOptions());
  const form = useForm<TDeleteAccountInput>({
    resolver: zodResolver(twoFactorEnabled ? ZDeleteAccountWithCodeInput : ZDeleteAccountInput),
    mode: "onTouched",
    defaultValues: twoFactorEnabled ? { password: "", code: "" } : { password: "" },
  });
  useEffect(() => form.setFocus("password"), [form]);

  return (
    <ServerForm
      form={form}
      fields={["password", "code"]}
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
      <ProofFields form={form} email={email} passwordLabel={t("deletePassword")} withCode={twoFactorEnabled} />
    </ServerForm>
  );
}
