"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { Dialog } from "@/components/ui/dialog";
import { ServerForm } from "@/components/ui/server-form";
import { useTRPC } from "@/lib/trpc/react";
import { ZTwoFactorProofInput, type TTwoFactorProofInput } from "@/lib/validation/two-factor";
import { ProofFields } from "./proof-fields";

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
  const trpc = useTRPC();
  const disable = useMutation(trpc.twoFactor.disable.mutationOptions());
  const regenerate = useMutation(trpc.twoFactor.regenerateRecoveryCodes.mutationOptions());
  const form = useForm<TTwoFactorProofInput>({
    resolver: zodResolver(ZTwoFactorProofInput),
    defaultValues: { password: "", code: "" },
  });

  const close = () => {
    form.reset();
    onClose();
  };

  const isDisable = mode === "disable";
  return (
    <Dialog open={mode !== null} onClose={close} title={isDisable ? t("disableTitle") : t("regenerateTitle")}>
      <ServerForm
        form={form}
        fields={["password", "code"]}
        onSubmit={async (values) => {
          if (isDisable) {
            await disable.mutateAsync(values);
            form.reset();
            onDone(null);
          } else {
            const { recoveryCodes } = await regenerate.mutateAsync(values);
            form.reset();
            onDone(recoveryCodes);
          }
        }}
        intro={<p className="text-sm text-slate-600">{isDisable ? t("disableIntro") : t("regenerateIntro")}</p>}
        submitLabel={isDisable ? t("disableConfirm") : t("regenerateConfirm")}
        busyLabel={isDisable ? t("disabling") : t("regenerating")}
        submitVariant={isDisable ? "danger" : "primary"}
        cancel={{ label: t("cancel"), onClick: close }}
        actionsAlign="end"
      >
        <ProofFields form={form} email={email} passwordLabel={t("password")} withCode />
      </ServerForm>
    </Dialog>
  );
}
