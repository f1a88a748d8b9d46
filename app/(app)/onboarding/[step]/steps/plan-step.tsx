"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorDataOf, useErrorMessage, type ServerErrorData } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";
import { MIN_SEATS } from "@/lib/onboarding/seats";
import { SeatsForm } from "../../../_plan/seats-form";
import { StepCard } from "./step-card";
import { useWizard } from "./use-wizard";

/**
 * The plan step: the trial, and the seats form shared with the plan page (price × seats = the
 * monthly total, confirmed before the vendor call), or staying in the trial for now.
 */
export function PlanStep() {
  const t = useTranslations("onboarding.plan");
  const trpc = useTRPC();
  const errors = useErrorMessage();
  const { data: wizard, goTo, next } = useWizard();
  const ops = useQuery(trpc.operators.list.queryOptions());
  const suggested = Math.max(MIN_SEATS, ops.data?.items.filter((o) => o.active).length ?? 0);
  const [failure, setFailure] = useState<ServerErrorData | null>(null);
  const trial = useMutation(
    trpc.plan.continueTrial.mutationOptions({
      onMutate: () => setFailure(null),
      onSuccess: () => goTo(next("plan")),
      onError: (err) => setFailure(errorDataOf(err)),
    }),
  );

  return (
    <StepCard heading={t("heading")}>
      {failure && <Alert>{errors.message(failure)}</Alert>}
      {wizard.wizard.data.planChoice === "subscription" && wizard.wizard.data.seats && (
        <Alert tone="info">{t("subscribed", { seats: wizard.wizard.data.seats })}</Alert>
      )}
      <div className="rounded-lg bg-brand-50 p-4 ring-1 ring-brand-200">
        <p className="font-semibold text-brand-800" data-testid="trial-days">
          {t("trial", { days: wizard.account?.trialDaysLeft ?? 7 })}
        </p>
        <p className="mt-1 text-sm text-slate-800">{t("trialBody")}</p>
      </div>
      {/* The suggestion follows the operator count until the field is edited. */}
      <SeatsForm
        initialSeats={wizard.wizard.data.seats ?? suggested}
        canEdit={wizard.canEdit}
        disabled={trial.isPending}
        onSubscribed={() => goTo(next("plan"))}
      >
        <Button
          type="button"
          variant="secondary"
          busy={trial.isPending}
          disabled={!wizard.canEdit}
          onClick={() => trial.mutate()}
        >
          {t("continueTrial")}
        </Button>
      </SeatsForm>
    </StepCard>
  );
}
