"use client";
/**
 * "Verificação em duas etapas" in Minha conta: off → Ativar → QR code + manual key + first code
 * → the recovery codes, shown once (copy, download, "Guardei meus códigos") → on, with the
 * date; then "Desativar" or new recovery codes, each with the password and a current code.
 * The QR code arrives as SVG rendered on the server: no QR library in the browser.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Badge } from "@/components/ui/badge";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LazyBoundary, lazyWithPreload, preloadOn } from "@/components/ui/lazy";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";
import type { PendingEnrolment } from "./two-factor-enrolment";

// The forms (react-hook-form, the zod schemas, the dialog) load when their button is used.
const Enrolment = lazyWithPreload(() => import("./two-factor-enrolment"));
const ProofDialog = lazyWithPreload(() => import("./two-factor-proof-dialog"));

export function TwoFactorPanel({ email }: { email: string }) {
  const t = useTranslations("twoFactor.section");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const errors = useErrorMessage();
  const status = useQuery(trpc.twoFactor.status.queryOptions());
  const begin = useMutation(trpc.twoFactor.beginEnrolment.mutationOptions());
  const [pending, setPending] = useState<PendingEnrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [dialog, setDialog] = useState<"disable" | "regenerate" | null>(null);
  // Once opened, the dialog stays mounted so that closing it returns focus to its button.
  const [dialogUsed, setDialogUsed] = useState(false);
  const openDialog = (mode: "disable" | "regenerate") => {
    setDialogUsed(true);
    setDialog(mode);
  };
  const [failure, setFailure] = useState<string | null>(null);

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.twoFactor.status.queryKey() });
    // The layout and the organization setting read the session's two-factor state on the server.
    router.refresh();
  };

  const onBegin = async () => {
    setFailure(null);
    void Enrolment.preload().catch(() => undefined);
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
      <LazyBoundary>
        <Enrolment
          pending={pending}
          onCancel={() => setPending(null)}
          onEnabled={(recoveryCodes) => {
            setPending(null);
            setCodes(recoveryCodes);
            toast.success(t("enabled"));
          }}
        />
      </LazyBoundary>
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
            <Button variant="secondary" {...preloadOn(ProofDialog)} onClick={() => openDialog("regenerate")}>
              {t("regenerate")}
            </Button>
            <Button variant="danger" {...preloadOn(ProofDialog)} onClick={() => openDialog("disable")}>
              {t("disable")}
            </Button>
          </div>
        </>
      ) : (
        <div className="flex flex-wrap items-center gap-3">
          <Badge className="text-sm">{t("off")}</Badge>
          <Button {...preloadOn(Enrolment)} onClick={onBegin} busy={begin.isPending}>
            {t("enable")}
          </Button>
        </div>
      )}
      {dialogUsed && (
        <LazyBoundary>
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
        </LazyBoundary>
      )}
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
