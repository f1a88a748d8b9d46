"use client";
/**
 * "Verificação em duas etapas" in Minha conta: off → Ativar → QR code + manual key + first code
 * → the recovery codes, shown once (copy, download, "Guardei meus códigos") → on, with the
 * date; then "Desativar" or new recovery codes, each with the password and a current code.
 * The QR code arrives as SVG rendered on the server: no QR library in the browser.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { Badge } from "@/components/ui/badge";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { PasswordField } from "@/components/ui/password-field";
import { TextField } from "@/components/ui/text-field";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";
import type { TConfirmTwoFactorInput, TTwoFactorProofInput } from "@/lib/validation/two-factor";
import { ZConfirmTwoFactorInput, ZTwoFactorProofInput } from "@/lib/validation/two-factor";

interface Pending {
  qrSvg: string;
  manualKey: string;
}

export function TwoFactorPanel({ email }: { email: string }) {
  const t = useTranslations("twoFactor.section");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const errors = useErrorMessage();
  const status = useQuery(trpc.twoFactor.status.queryOptions());
  const begin = useMutation(trpc.twoFactor.beginEnrolment.mutationOptions());
  const [pending, setPending] = useState<Pending | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [dialog, setDialog] = useState<"disable" | "regenerate" | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.twoFactor.status.queryKey() });
    // The layout and the organization setting read the session's two-factor state on the server.
    router.refresh();
  };

  const onBegin = async () => {
    setFailure(null);
    try {
      setPending(await begin.mutateAsync());
    } catch (error) {
      setFailure(errors.message(errorDataOf(error)));
    }
  };

  if (codes) {
    return (
      <RecoveryCodes
        codes={codes}
        email={email}
        onSaved={async () => {
          setCodes(null);
          await refresh();
        }}
      />
    );
  }

  if (pending) {
    return (
      <Enrolment
        pending={pending}
        onCancel={() => setPending(null)}
        onEnabled={(recoveryCodes) => {
          setPending(null);
          setCodes(recoveryCodes);
          toast.success(t("enabled"));
        }}
      />
    );
  }

  const data = status.data;
  if (!data) return null;

  return (
    <div className="flex flex-col gap-4">
      {failure && <Alert>{failure}</Alert>}
      {data.enabled ? (
        <>
          <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <Badge tone="success" className="text-sm">
              {t("onSince", { date: data.enabledAt ? format.dateTime(data.enabledAt, { dateStyle: "long" }) : "—" })}
            </Badge>
            <span>{t("recoveryLeft", { count: data.recoveryCodesLeft })}</span>
          </p>
          <div className="flex flex-wrap gap-3">
            <Button variant="secondary" onClick={() => setDialog("regenerate")}>
              {t("regenerate")}
            </Button>
            <Button variant="danger" onClick={() => setDialog("disable")}>
              {t("disable")}
            </Button>
          </div>
        </>
      ) : (
        <div className="flex flex-wrap items-center gap-3">
          <Badge className="text-sm">{t("off")}</Badge>
          <Button onClick={onBegin} busy={begin.isPending}>
            {t("enable")}
          </Button>
        </div>
      )}
      <ProofDialog
        mode={dialog}
        email={email}
        onClose={() => setDialog(null)}
        onDone={async (recoveryCodes) => {
          setDialog(null);
          if (recoveryCodes) setCodes(recoveryCodes);
          else {
            toast.success(t("disabled"));
            await refresh();
          }
        }}
      />
    </div>
  );
}

function Enrolment({
  pending,
  onCancel,
  onEnabled,
}: {
  pending: Pending;
  onCancel: () => void;
  onEnabled: (codes: string[]) => void;
}) {
  const t = useTranslations("twoFactor.section");
  const errors = useErrorMessage();
  const trpc = useTRPC();
  const confirm = useMutation(trpc.twoFactor.confirmEnrolment.mutationOptions());
  const form = useForm<TConfirmTwoFactorInput>({
    resolver: zodResolver(ZConfirmTwoFactorInput),
    defaultValues: { code: "" },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const { recoveryCodes } = await confirm.mutateAsync({ code: values.code });
      onEnabled(recoveryCodes);
    } catch (error) {
      const data = errorDataOf(error);
      const fieldKey = data.fieldErrors?.code?.[0];
      if (fieldKey) form.setError("code", { message: fieldKey }, { shouldFocus: true });
      else if (data.appError?.field === "code")
        form.setError("code", { message: errors.message(data) }, { shouldFocus: true });
      else form.setError("root", { message: errors.message(data) });
    }
  });

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
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
        <h3 className="font-semibold text-slate-900">{t("confirmTitle")}</h3>
        {form.formState.errors.root?.message && <Alert>{form.formState.errors.root.message}</Alert>}
        <TextField
          label={t("code")}
          autoComplete="one-time-code"
          inputMode="numeric"
          pattern="[0-9]*"
          maxLength={7}
          error={errors.field(form.formState.errors.code?.message)}
          {...form.register("code")}
        />
        <div className="flex flex-wrap gap-3">
          <Button type="submit" busy={confirm.isPending}>
            {confirm.isPending ? t("confirming") : t("confirm")}
          </Button>
          <Button type="button" variant="ghost" onClick={onCancel}>
            {t("cancel")}
          </Button>
        </div>
      </form>
    </div>
  );
}

function RecoveryCodes({ codes, email, onSaved }: { codes: string[]; email: string; onSaved: () => void }) {
  const t = useTranslations("twoFactor.section");
  const text = `${t("downloadHeader", { email })}\n\n${codes.join("\n")}\n`;

  const copy = async () => {
    await navigator.clipboard.writeText(codes.join("\n")).then(
      () => toast.success(t("codesCopied")),
      () => undefined,
    );
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = t("downloadFileName");
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <div className="flex flex-col gap-4">
      <h3 className="font-semibold text-slate-900">{t("recoveryTitle")}</h3>
      <Alert tone="warning">{t("recoveryIntro")}</Alert>
      <ul
        aria-label={t("recoveryListLabel")}
        className="grid grid-cols-1 gap-2 rounded-lg bg-slate-50 p-4 font-mono text-sm text-slate-900 min-[360px]:grid-cols-2"
      >
        {codes.map((code) => (
          <li key={code} className="tracking-wider">
            {code}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-3">
        <Button type="button" variant="secondary" onClick={copy}>
          {t("copyCodes")}
        </Button>
        <Button type="button" variant="secondary" onClick={download}>
          {t("downloadCodes")}
        </Button>
        <Button type="button" onClick={onSaved}>
          {t("savedCodes")}
        </Button>
      </div>
    </div>
  );
}

/** Password + a current code, for turning two-factor off or for new recovery codes. */
function ProofDialog({
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
