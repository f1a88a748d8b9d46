"use client";
/**
 * Minha conta → E-mail: the current address, a pending change ("Aguardando confirmação de …",
 * resend / cancel), and "Alterar e-mail", which opens the form for a new address. The address
 * changes only when the link sent to the new one is used.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { lazyWithPreload } from "@/components/ui/lazy";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";
import { FormOnRequest } from "@/components/ui/form-on-request";

const ChangeEmailForm = lazyWithPreload(() => import("./change-email-form"));

export function ChangeEmailSection() {
  const t = useTranslations("email.account");
  const errors = useErrorMessage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(trpc.verification.status.queryOptions());
  const refresh = () => queryClient.invalidateQueries(trpc.verification.status.queryFilter());
  const [notice, setNotice] = useState<string | null>(null);
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

  const current = status.data?.email ?? "";
  const pending = status.data?.pendingEmail ?? null;
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
      <FormOnRequest label={t("open")} target={ChangeEmailForm}>
        {(close) => (
          <ChangeEmailForm
            onSubmitting={() => setNotice(null)}
            onRequested={async (email) => {
              setNotice(t("requested", { email }));
              await refresh();
            }}
            onClose={close}
          />
        )}
      </FormOnRequest>
    </Card>
  );
}
