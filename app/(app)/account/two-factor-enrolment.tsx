"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { ServerForm, useServerFormFieldError } from "@/components/ui/server-form";
import { TextField } from "@/components/ui/text-field";
import { useTRPC } from "@/lib/trpc/react";
import { ZConfirmTwoFactorInput, type TConfirmTwoFactorInput } from "@/lib/validation/two-factor";

export interface PendingEnrolment {
  qrSvg: string;
  manualKey: string;
}

/** The QR code and manual key of a new secret, and the first code that proves the app has it. */
export default function Enrolment({
  pending,
  onCancel,
  onEnabled,
}: {
  pending: PendingEnrolment;
  onCancel: () => void;
  onEnabled: (codes: string[]) => void;
}) {
  const t = useTranslations("twoFactor.section");
  const trpc = useTRPC();
  const confirm = useMutation(trpc.twoFactor.confirmEnrolment.mutationOptions());
  const form = useForm<TConfirmTwoFactorInput>({
    resolver: zodResolver(ZConfirmTwoFactorInput),
    defaultValues: { code: "" },
  });
  const fieldError = useServerFormFieldError(form);

  const copyKey = async () => {
    await navigator.clipboard.writeText(pending.manualKey.replace(/\s/g, "")).then(
      () => toast.success(t("keyCopied")),
      () => undefined,
    );
  };

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-2">
        <h3 className="font-semibold text-slate-900">{t("scanTitle")}</h3>
        <p className="text-sm text-slate-600">{t("scanIntro")}</p>
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URI made on the server, nothing to optimise */}
        <img
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(pending.qrSvg)}`}
          alt={t("qrAlt")}
          width={200}
          height={200}
          className="size-[200px] self-center rounded-lg border border-slate-200 bg-white sm:self-start"
        />
        <p className="text-sm text-slate-600">{t("manualKey")}</p>
        <div className="flex flex-wrap items-center gap-2">
          <code
            className="break-all rounded-md bg-slate-100 px-2 py-1 font-mono text-sm tracking-wider text-slate-900"
            data-testid="two-factor-manual-key"
          >
            {pending.manualKey}
          </code>
          <Button type="button" variant="ghost" onClick={copyKey}>
            {t("copyKey")}
          </Button>
        </div>
      </div>
      <ServerForm
        form={form}
        fields={["code"]}
        onSubmit={async (values) => {
          const { recoveryCodes } = await confirm.mutateAsync({ code: values.code });
          onEnabled(recoveryCodes);
        }}
        intro={<h3 className="font-semibold text-slate-900">{t("confirmTitle")}</h3>}
        submitLabel={t("confirm")}
        busyLabel={t("confirming")}
        cancel={{ label: t("cancel"), onClick: onCancel }}
      >
        <TextField
          label={t("code")}
          autoComplete="one-time-code"
          inputMode="numeric"
          pattern="[0-9]*"
          maxLength={7}
          error={fieldError("code")}
          {...form.register("code")}
        />
      </ServerForm>
    </div>
  );
}
