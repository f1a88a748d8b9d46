"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { StepCard } from "./step-card";
import { useWizard } from "./use-wizard";

export function DoneStep() {
  const t = useTranslations("onboarding.done");
  const td = useTranslations("dashboard");
  const { data } = useWizard();
  const chatSdk = data.provider.capabilities.chatSdk;
  return (
    <StepCard heading={t("heading")} intro={t("body")}>
      {!chatSdk && <p className="text-sm text-slate-700">{td("chatNoSdk")}</p>}
      <div className="flex flex-wrap gap-2">
        {chatSdk && (
          <Link
            href="/chat"
            className="inline-flex items-center rounded-lg bg-brand-700 px-4 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-brand-800"
          >
            {t("openChat")}
          </Link>
        )}
        <Link
          href="/"
          className="inline-flex items-center rounded-lg px-4 py-2.5 text-sm font-semibold text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
        >
          {t("dashboard")}
        </Link>
      </div>
    </StepCard>
  );
}
