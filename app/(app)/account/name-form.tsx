"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { ServerForm, useServerFormFieldError } from "@/components/ui/server-form";
import { TextField } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/lib/trpc/react";
import { ZUpdateNameInput, type TUpdateNameInput } from "@/lib/validation/account";

/** The person's own name, opened on request (./name-section.tsx); the page re-renders with it once saved. */
export default function NameForm({ name, onClose }: { name: string; onClose: () => void }) {
  const t = useTranslations("auth.account");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const router = useRouter();
  const update = useMutation(trpc.me.updateName.mutationOptions());
  const form = useForm<TUpdateNameInput>({
    resolver: zodResolver(ZUpdateNameInput),
    mode: "onTouched",
    defaultValues: { name },
  });
  const fieldError = useServerFormFieldError(form);
  useEffect(() => form.setFocus("name", { shouldSelect: true }), [form]);

  return (
    <ServerForm
      form={form}
      fields={["name"]}
      onSubmit={async (values) => {
        const saved = await update.mutateAsync(values);
        toast.success(t("nameChanged", { name: saved.name }));
        onClose();
        // The header's menu and this card show the name: render them again.
        router.refresh();
      }}
      submitLabel={t("nameSubmit")}
      busyLabel={t("nameSubmitting")}
      cancel={{ label: tc("cancel"), onClick: onClose }}
    >
      <TextField label={t("nameLabel")} autoComplete="name" error={fieldError("name")} {...form.register("name")} />
    </ServerForm>
  );
}
