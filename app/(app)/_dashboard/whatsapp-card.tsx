"use client";

import { useEffect, useState } from "react";
import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { notAfter } from "@/lib/i18n/past";
import { Card } from "@/components/ui/card";
import { useTRPC } from "@/lib/trpc/react";

/** As server/provisioning/whatsapp-status.ts: the server asks the provider again after this long. */
const CHECK_EVERY_MS = 5 * 60 * 1000;

interface Status {
  available: boolean | null;
  checkedAt: Date | null;
}

/**
 * WhatsApp on the dashboard: the last known answer (from dashboard.summary, no vendor call)
 * with its age, refreshed through dashboard.refreshWhatsApp once the page is interactive
 * when that answer is older than a few minutes; who said they connected, and when (what was
 * said, not something the portal checked); a link to the WhatsApp page.
 */
export function WhatsAppCard({
  initial,
  reported,
  accountReady,
  canConnect,
}: {
  initial: Status;
  reported: { at: Date; byMe: boolean; name: string } | null;
  /** The chat account exists at the provider (before that there is nothing to ask). */
  accountReady: boolean;
  canConnect: boolean;
}) {
  const t = useTranslations("dashboard");
  const format = useFormatter();
  const now = useNow({ updateInterval: 30_000 });
  const trpc = useTRPC();
  const [status, setStatus] = useState<Status>(initial);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "long", timeStyle: "short" });
  const refresh = useMutation(trpc.dashboard.refreshWhatsApp.mutationOptions({ onSuccess: setStatus }));
  const { mutate } = refresh;
  const checkedMs = initial.checkedAt?.getTime() ?? null;
  useEffect(() => {
    // A refusal (e-mail not verified, budget spent) or a vendor failure keeps the last known answer.
    if (accountReady && (checkedMs === null || Date.now() - checkedMs >= CHECK_EVERY_MS)) mutate();
  }, [accountReady, checkedMs, mutate]);
  return (
    <Card data-testid="summary-whatsapp">
      <h2 className="text-sm font-medium text-slate-700">{t("whatsapp")}</h2>
      <p className="mt-1 text-lg font-semibold text-slate-900">
        {reported
          ? t("whatsappReported")
          : status.available === null
            ? refresh.isPending
              ? t("whatsappChecking")
              : t("whatsappUnknown")
            : status.available
              ? t("whatsappYes")
              : t("whatsappNo")}
      </p>
      {status.checkedAt && !reported && (
        <p className="text-xs text-slate-700" data-testid="summary-whatsapp-age">
          {t("whatsappChecked", { when: format.relativeTime(notAfter(status.checkedAt, now), now) })}
        </p>
      )}
      {reported && (
        <p className="mt-1 text-sm text-slate-800" data-testid="summary-whatsapp-reported">
          {reported.byMe
            ? t("whatsappReportedByMe", { when: when(reported.at) })
            : t("whatsappReportedBy", { name: reported.name, when: when(reported.at) })}
        </p>
      )}
      <Link href="/whatsapp" className="mt-2 inline-block text-sm font-semibold text-brand-800 underline">
        {canConnect && !reported ? t("connectWhatsapp") : t("openWhatsapp")}
      </Link>
    </Card>
  );
}
