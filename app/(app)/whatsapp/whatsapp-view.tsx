"use client";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";
import { WhatsAppConnectPanel } from "../_whatsapp/connect-panel";

/**
 * What the portal knows about WhatsApp (the stored instance answer with its age, and who said
 * they connected, and when), and for admins the connection panel and "Já conectei".
 */
export function WhatsAppView() {
  const t = useTranslations("whatsapp");
  const format = useFormatter();
  const now = useNow({ updateInterval: 30_000 });
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errors = useErrorMessage();
  const { data: status } = useSuspenseQuery(trpc.whatsapp.status.queryOptions());
  const report = useMutation(
    trpc.whatsapp.reportConnected.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.whatsapp.status.queryFilter()),
    }),
  );
  const when = (d: Date) => format.dateTime(d, { dateStyle: "long", timeStyle: "short" });
  const reported = status.reported;

  return (
    <>
      <Card title={t("statusTitle")} data-testid="whatsapp-status">
        <p className="text-lg font-semibold text-slate-900">
          {status.available === null
            ? t("statusUnknown")
            : status.available
              ? t("statusAvailable")
              : t("statusNoInstance")}
        </p>
        {status.checkedAt && (
          <p className="text-xs text-slate-700">
            {/* Never "in 1 second": the server's clock may be a little ahead of the browser's. */}
            {t("checked", { when: format.relativeTime(Math.min(status.checkedAt.getTime(), now.getTime()), now) })}
          </p>
        )}
        <p className="mt-3 text-sm text-slate-900" role="status" data-testid="whatsapp-reported">
          {!reported
            ? t("notReported")
            : reported.byMe
              ? t("reportedByMe", { when: when(reported.at) })
              : t("reportedBy", { name: reported.name, when: when(reported.at) })}
        </p>
        <p className="mt-1 text-xs text-slate-700">{t("cannotVerify")}</p>
      </Card>
      {!status.accountReady ? (
        <Card>
          <p className="text-sm text-slate-800">{t("accountMissing")}</p>
          {status.canConnect && (
            <Link href="/onboarding" className="mt-3 inline-block text-sm font-semibold text-brand-800 underline">
              {t("goToSetup")}
            </Link>
          )}
        </Card>
      ) : status.canConnect ? (
        <Card title={t("connectTitle")}>
          <div className="flex flex-col gap-5">
            <WhatsAppConnectPanel start={reported ? "onRequest" : "auto"} />
            {report.isError && <Alert>{errors.message(errorDataOf(report.error))}</Alert>}
            <div>
              <Button type="button" busy={report.isPending} onClick={() => report.mutate()}>
                {t("report")}
              </Button>
            </div>
          </div>
        </Card>
      ) : (
        <Card tone="muted">
          <p className="text-sm text-slate-800">{t("membersRead")}</p>
        </Card>
      )}
    </>
  );
}
