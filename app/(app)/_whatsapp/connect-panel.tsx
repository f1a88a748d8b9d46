"use client";
/**
 * Connecting WhatsApp, shared by the wizard's step and the WhatsApp page: numbered steps for
 * the vendor's connection app, a fresh code (asked for once the panel shows, and again on
 * request) in readable groups with a copy button and a seconds countdown; once it expires,
 * "Gerar novo código" is offered. Each code also refreshes the stored WhatsApp status that the
 * page and the dashboard show.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { GroupedCode } from "@/components/ui/grouped-code";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";

const INSTRUCTIONS = ["copy", "open", "paste", "scan", "back"] as const;

/** Whole seconds left until `deadline` (0 once passed), ticking every second. */
function useSecondsLeft(deadline: Date | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!deadline) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const id = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(id);
    };
  }, [deadline]);
  return deadline ? Math.max(0, Math.ceil((deadline.getTime() - now) / 1000)) : 0;
}

export function WhatsAppConnectPanel({
  onCode,
  start = "auto",
}: {
  onCode?: (hasCode: boolean) => void;
  /** "auto": ask for a code as soon as the panel shows; "onRequest": only when asked (already connected). */
  start?: "auto" | "onRequest";
}) {
  const t = useTranslations("whatsapp");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errors = useErrorMessage();
  const howToId = useId();
  const codeLabelId = useId();
  const newCode = useMutation(
    trpc.whatsapp.newCode.mutationOptions({
      onSuccess: async (result) => {
        onCode?.(result.code !== null);
        await queryClient.invalidateQueries(trpc.whatsapp.status.queryFilter());
      },
    }),
  );
  const { mutate } = newCode;
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current || start !== "auto") return;
    asked.current = true;
    mutate();
  }, [mutate, start]);

  const code = newCode.data?.code ?? null;
  const secondsLeft = useSecondsLeft(code?.expiresAt ?? null);
  const expired = code !== null && secondsLeft === 0;

  return (
    <div className="flex flex-col gap-5">
      <div>
        <h3 className="text-base font-semibold text-slate-900" id={howToId}>
          {t("howTo")}
        </h3>
        <ol aria-labelledby={howToId} className="mt-2 list-decimal space-y-1.5 pl-5 text-sm text-slate-800">
          {INSTRUCTIONS.map((step) => (
            <li key={step}>{t(`steps.${step}`)}</li>
          ))}
        </ol>
      </div>
      {newCode.isIdle && (
        <div>
          <Button type="button" variant="secondary" onClick={() => mutate()}>
            {t("newCode")}
          </Button>
        </div>
      )}
      {newCode.isError && (
        <Alert>
          {errors.message(errorDataOf(newCode.error))}
          <Button type="button" variant="secondary" className="mt-3 flex" onClick={() => mutate()}>
            {t("tryAgain")}
          </Button>
        </Alert>
      )}
      {newCode.isPending && !code && (
        <p className="text-sm text-slate-700" role="status">
          {t("loading")}
        </p>
      )}
      {newCode.isSuccess && !code && (
        <div className="flex flex-col items-start gap-3">
          <Alert tone="info">{t("noInstance")}</Alert>
          <Button type="button" variant="secondary" busy={newCode.isPending} onClick={() => mutate()}>
            {t("tryAgain")}
          </Button>
        </div>
      )}
      {code && (
        <div className="flex min-w-0 flex-col items-start gap-3 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
          <p className="text-sm font-medium text-slate-800" id={codeLabelId}>
            {t("code")}
          </p>
          <GroupedCode
            code={code.token}
            aria-labelledby={codeLabelId}
            data-testid="whatsapp-code"
            data-code={code.token}
            className={expired ? "opacity-50" : undefined}
          />
          <p className="text-xs text-slate-700">{t("codeHint")}</p>
          {expired ? (
            <Alert tone="warning" className="w-full">
              {t("expired")}
            </Alert>
          ) : (
            <p className="text-sm text-slate-700" role="timer" aria-live="off" data-testid="whatsapp-countdown">
              {t("expiresIn", { seconds: secondsLeft })}
            </p>
          )}
          <div className="flex flex-wrap items-center gap-3">
            {!expired && (
              <CopyButton text={code.token} label={t("copy")} copiedLabel={t("copied")} failedLabel={t("copyFailed")} />
            )}
            <Button
              type="button"
              variant={expired ? "primary" : "ghost"}
              busy={newCode.isPending}
              onClick={() => mutate()}
            >
              {t("newCode")}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
