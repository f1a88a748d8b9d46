"use client";
/**
 * Minha conta → E-mail: the current address, a pending change ("Aguardando confirmação de …",
 * resend / cancel), and the form for a new address with the current password. The address
 * changes only when the link sent to the new one is used.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PasswordField } from "@/components/ui/password-field";
import { TextField } from "@/components/ui/text-field";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";
import { ZChangeEmailInput, type TChangeEmailInput } from "@/lib/validation/email";

export function ChangeEmailSection() {
  const t = useTranslations("email.account");
  const errors = useErrorMessage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(trpc.verification.status.queryOptions());
  const refresh = () => queryClient.invalidateQueries(trpc.verification.status.queryFilter());
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm<TChangeEmailInput>({
    resolver: zodResolver(ZChangeEmailInput),
    mode: "onTouched",
    defaultValues: { newEmail: "", currentPassword: "" },
  });
  const change = useMutation(trpc.me.changeEmail.mutationOptions());
  const resend = useMutation(
    trpc.verification.resend.mutationOptions({
      onSuccess: (res) => setNotice(t("resent", { email: res.email })),
      onError: (err) => setNotice(errors.message(errorDataOf(err))),
    }),
  );
  const cancel = useMutation(
    trpc.me.cancelEmailChange.mutationOptions({
      onSuccess: async () => {
        setNotice(null);
        toast.success(t("cancelled"));
        await refresh();
      },
      onError: (err) => setNotice(errors.message(errorDataOf(err))),
    }),
  );

  const onSubmit = form.handleSubmit(async (values) => {
    setNotice(null);
    try {
      const res = await change.mutateAsync(values);
      form.reset();
      setNotice(t("requested", { email: res.pendingEmail }));
      await refresh();
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

  const current = status.data?.email ?? "";
  const pending = status.data?.pendingEmail ?? null;
  const rootError = form.formState.errors.root?.message;
  return (
    <Card className="flex flex-col gap-5">
      <div>
        <h2 className="text-lg font-semibold text-slate-900">{t("title")}</h2>
        <p className="mt-1 text-sm text-slate-600">{t("subtitle")}</p>
        {current && <p className="mt-2 text-sm font-medium text-slate-800">{t("current", { email: current })}</p>}
      </div>
      {notice && <Alert tone="info">{notice}</Alert>}
      {pending && (
        <Card
          as="section"
          tone="brand"
          padding="md"
          aria-labelledby="pending-email-title"
          className="flex flex-col gap-2"
        >
          <h3 id="pending-email-title" className="font-semibold text-brand-800">
            {t("pending", { email: pending })}
          </h3>
          <p className="text-sm text-slate-700">{t("pendingHint", { current })}</p>
          <div className="flex flex-wrap gap-2">
            <Button type="button" variant="secondary" busy={resend.isPending} onClick={() => resend.mutate()}>
              {t("resend")}
            </Button>
            <Button type="button" variant="ghost" busy={cancel.isPending} onClick={() => cancel.mutate()}>
              {t("cancel")}
            </Button>
          </div>
        </Card>
      )}
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
        <Button type="submit" busy={change.isPending} className="self-start">
          {change.isPending ? t("submitting") : t("submit")}
        </Button>
      </form>
    </Card>
  );
}
