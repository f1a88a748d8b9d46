"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";
import { WhatsAppConnectPanel } from "../../../_whatsapp/connect-panel";
import { StepCard } from "./step-card";
import { useWizard } from "./use-wizard";

/**
 * The wizard's WhatsApp step: the shared connection panel, then "Já conectei, continuar" (kept
 * as the person's report, not as a fact the portal checked) or "Pular esta etapa".
 */
export function WhatsAppStep() {
  const t = useTranslations("onboarding.whatsapp");
  const trpc = useTRPC();
  const errors = useErrorMessage();
  const { data: wizard, goTo, next } = useWizard();
  const [hasCode, setHasCode] = useState(false);
  const complete = useMutation(
    trpc.onboarding.completeStep.mutationOptions({ onSuccess: () => goTo(next("whatsapp")) }),
  );

  return (
    <StepCard heading={t("heading")} intro={t("intro")}>
      {complete.isError && <Alert>{errors.message(errorDataOf(complete.error))}</Alert>}
      {wizard.canEdit && <WhatsAppConnectPanel onCode={(got) => setHasCode((had) => had || got)} />}
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          busy={complete.isPending && complete.variables?.skipped === false}
          disabled={!wizard.canEdit || !hasCode || complete.isPending}
          onClick={() => complete.mutate({ step: "whatsapp", skipped: false })}
        >
          {t("continue")}
        </Button>
        <Button
          type="button"
          variant="ghost"
          busy={complete.isPending && complete.variables?.skipped === true}
          disabled={!wizard.canEdit || complete.isPending}
          onClick={() => complete.mutate({ step: "whatsapp", skipped: true })}
        >
          {t("skip")}
        </Button>
      </div>
    </StepCard>
  );
}
