"use client";
/**
 * "Confirme seu e-mail": shown where an unverified user tries to create something (the wizard's
 * account step). The address, "Reenviar e-mail" (the new link goes out in the background) and
 * "Já confirmei", which asks the server again and hands back to the caller once it is confirmed.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";

export function VerifyEmailPanel({ email, onVerified }: { email: string; onVerified: () => void }) {
  const t = useTranslations("email.panel");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errors = useErrorMessage();
  const [notice, setNotice] = useState<{ tone: "info" | "warning" | "danger"; text: string } | null>(null);
  const resend = useMutation(
    trpc.verification.resend.mutationOptions({
      onMutate: () => setNotice(null),
      onSuccess: (res) => {
        if (res.status === "verified") onVerified();
        else setNotice({ tone: "info", text: t("resent", { email: res.email }) });
      },
      onError: (err) => setNotice({ tone: "danger", text: errors.message(errorDataOf(err)) }),
    }),
  );
  const [checking, setChecking] = useState(false);
  const check = async () => {
    setChecking(true);
    setNotice(null);
    try {
      const status = await queryClient.fetchQuery({ ...trpc.verification.status.queryOptions(), staleTime: 0 });
      if (status.emailVerified) {
        setNotice({ tone: "info", text: t("verified") });
        onVerified();
      } else {
        setNotice({ tone: "warning", text: t("notYet", { email }) });
      }
    } catch (err) {
      setNotice({ tone: "danger", text: errors.message(errorDataOf(err)) });
    } finally {
      setChecking(false);
    }
  };

  return (
    <Card
      as="section"
      tone="brand"
      padding="md"
      aria-labelledby="verify-email-title"
      className="flex flex-col gap-3"
      data-testid="verify-email-panel"
    >
      <h3 id="verify-email-title" className="font-semibold text-brand-800">
        {t("title")}
      </h3>
      <p className="text-sm text-slate-800">{t("body", { email })}</p>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" busy={resend.isPending} onClick={() => resend.mutate()}>
          {resend.isPending ? t("resending") : t("resend")}
        </Button>
        <Button type="button" busy={checking} onClick={() => void check()}>
          {checking ? t("checking") : t("check")}
        </Button>
      </div>
    </Card>
  );
}
