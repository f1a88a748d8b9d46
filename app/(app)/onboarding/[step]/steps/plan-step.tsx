"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { errorDataOf, useErrorMessage, type ServerErrorData } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";
import { MIN_SEATS, ZSubscribeInput } from "@/lib/validation/onboarding";
import { StepCard } from "./step-card";
import { useWizard } from "./use-wizard";

export function PlanStep() {
  const t = useTranslations("onboarding.plan");
  const trpc = useTRPC();
  const errors = useErrorMessage();
  const { data: wizard, goTo, next } = useWizard();
  const ops = useQuery(trpc.operators.list.queryOptions());
  const [seats, setSeats] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [failure, setFailure] = useState<ServerErrorData | null>(null);
  const onError = (err: unknown) => setFailure(errorDataOf(err));
  const subscribe = useMutation(
    trpc.plan.subscribe.mutationOptions({
      onMutate: () => setFailure(null),
      onSuccess: () => goTo(next("plan")),
      onError,
    }),
  );
  const trial = useMutation(
    trpc.plan.continueTrial.mutationOptions({
      onMutate: () => setFailure(null),
      onSuccess: () => goTo(next("plan")),
      onError,
    }),
  );
  const suggested = Math.max(MIN_SEATS, ops.data?.items.filter((o) => o.active).length ?? 0);
  const value = seats ?? String(wizard.wizard.data.seats ?? suggested);

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
      <form
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = ZSubscribeInput.safeParse({ seats: Number(value) });
          if (!parsed.success) return setFieldError(errors.field(parsed.error.issues[0]?.message));
          setFieldError(undefined);
          subscribe.mutate(parsed.data);
        }}
      >
        <TextField
          className="max-w-xs"
          label={t("seats")}
          type="number"
          inputMode="numeric"
          min={MIN_SEATS}
          hint={t("seatsHint")}
          error={fieldError}
          value={value}
          onChange={(e) => setSeats(e.target.value)}
        />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" busy={subscribe.isPending} disabled={!wizard.canEdit || trial.isPending}>
            {subscribe.isPending ? t("subscribing") : t("subscribe")}
          </Button>
          <Button
            type="button"
            variant="secondary"
            busy={trial.isPending}
            disabled={!wizard.canEdit || subscribe.isPending}
            onClick={() => trial.mutate()}
          >
            {t("continueTrial")}
          </Button>
        </div>
      </form>
    </StepCard>
  );
}
