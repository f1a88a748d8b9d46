"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { PasswordField } from "@/components/ui/password-field";
import { TextField } from "@/components/ui/text-field";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";
import { ZTwoFactorProofInput, type TTwoFactorProofInput } from "@/lib/validation/two-factor";

/** Password + a current code, for turning two-factor off or for new recovery codes. */
export default function ProofDialog({
  mode,
  email,
  onClose,
  onDone,
}: {
  mode: "disable" | "regenerate" | null;
  email: string;
  onClose: () => void;
  onDone: (recoveryCodes: string[] | null) => void;
}) {
  const t = useTranslations("twoFactor.section");
  const errors = useErrorMessage();
  const trpc = useTRPC();
  const disable = useMutation(trpc.twoFactor.disable.mutationOptions());
  const regenerate = useMutation(trpc.twoFactor.regenerateRecoveryCodes.mutationOptions());
  const form = useForm<TTwoFactorProofInput>({
    resolver: zodResolver(ZTwoFactorProofInput),
    defaultValues: { password: "", code: "" },
  });
  const busy = disable.isPending || regenerate.isPending;

  const close = () => {
    form.reset();
    onClose();
  };

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      if (mode === "disable") {
        await disable.mutateAsync(values);
        form.reset();
        onDone(null);
      } else {
        const { recoveryCodes } = await regenerate.mutateAsync(values);
        form.reset();
        onDone(recoveryCodes);
      }
    } catch (error) {
      const data = errorDataOf(error);
      const field = data.appError?.field;
      if (field === "password" || field === "code")
        form.setError(field, { message: errors.message(data) }, { shouldFocus: true });
      for (const [name, keys] of Object.entries(data.fieldErrors ?? {})) {
        if (name === "password" || name === "code") form.setError(name, { message: keys[0] });
      }
      if (!field && !data.fieldErrors) form.setError("root", { message: errors.message(data) });
    }
  });

  const isDisable = mode === "disable";
  return (
    <Dialog open={mode !== null} onClose={close} title={isDisable ? t("disableTitle") : t("regenerateTitle")}>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <p className="text-sm text-slate-600">{isDisable ? t("disableIntro") : t("regenerateIntro")}</p>
        {form.formState.errors.root?.message && <Alert>{form.formState.errors.root.message}</Alert>}
        <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
        <PasswordField
          label={t("password")}
          autoComplete="current-password"
          error={errors.field(form.formState.errors.password?.message)}
          {...form.register("password")}
        />
        <TextField
          label={t("proofCode")}
          autoComplete="one-time-code"
          spellCheck={false}
          maxLength={20}
          error={errors.field(form.formState.errors.code?.message)}
          {...form.register("code")}
        />
        <div className="flex flex-wrap justify-end gap-3">
          <Button type="button" variant="ghost" onClick={close}>
            {t("cancel")}
          </Button>
          <Button type="submit" variant={isDisable ? "danger" : "primary"} busy={busy}>
            {isDisable
              ? busy
                ? t("disabling")
                : t("disableConfirm")
              : busy
                ? t("regenerating")
                : t("regenerateConfirm")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
