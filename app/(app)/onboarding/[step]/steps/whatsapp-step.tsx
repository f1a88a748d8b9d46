"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";
import { StepCard } from "./step-card";
import { useWizard } from "./use-wizard";

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  return now;
}

function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, "0")}`;
}

export function WhatsAppStep() {
  const t = useTranslations("onboarding.whatsapp");
  const trpc = useTRPC();
  const errors = useErrorMessage();
  const { data: wizard, goTo, next } = useWizard();
  const code = useQuery({
    ...trpc.whatsapp.code.queryOptions(),
    staleTime: 0,
    gcTime: 0,
    retry: false,
    enabled: wizard.canEdit,
  });
  const complete = useMutation(
    trpc.onboarding.completeStep.mutationOptions({ onSuccess: () => goTo(next("whatsapp")) }),
  );
  const now = useNow();
  const current = code.data?.code ?? null;
  const remaining = current ? current.expiresAt.getTime() - now : 0;

  return (
    <StepCard heading={t("heading")} intro={t("intro")}>
      {complete.isError && <Alert>{errors.message(errorDataOf(complete.error))}</Alert>}
      {code.isError && <Alert>{errors.message(errorDataOf(code.error))}</Alert>}
      {code.isPending && wizard.canEdit && <p className="text-sm text-slate-700">{t("loading")}</p>}
      {code.isSuccess && !current && <Alert tone="info">{t("noInstance")}</Alert>}
      {current && (
        <div className="flex flex-col items-start gap-2 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
          <p className="text-sm font-medium text-slate-800">{t("code")}</p>
          <p
            className="break-all font-mono text-2xl font-semibold tracking-wider text-slate-900"
            data-testid="whatsapp-code"
          >
            {current.token}
          </p>
          {remaining > 0 ? (
            <p className="text-sm text-slate-700" role="timer" aria-live="off" data-testid="whatsapp-countdown">
              {t("expiresIn", { time: formatRemaining(remaining) })}
            </p>
          ) : (
            <Alert tone="warning">{t("expired")}</Alert>
          )}
        </div>
      )}
      <div className="flex flex-wrap gap-2">
        {wizard.canEdit && (
          <Button type="button" variant="secondary" busy={code.isFetching} onClick={() => void code.refetch()}>
            {t("newCode")}
          </Button>
        )}
        <Button
          type="button"
          busy={complete.isPending && complete.variables?.skipped === false}
          disabled={!wizard.canEdit || !current}
          onClick={() => complete.mutate({ step: "whatsapp", skipped: false })}
        >
          {t("continue")}
        </Button>
        <Button
          type="button"
          variant="ghost"
          busy={complete.isPending && complete.variables?.skipped === true}
          disabled={!wizard.canEdit}
          onClick={() => complete.mutate({ step: "whatsapp", skipped: true })}
        >
          {t("skip")}
        </Button>
      </div>
    </StepCard>
  );
}
