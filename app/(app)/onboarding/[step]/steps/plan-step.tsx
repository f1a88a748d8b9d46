"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { errorDataOf, useErrorMessage, type ServerErrorData } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";
import { useFieldError, useServerErrors } from "@/lib/forms/server-errors";
import { MIN_SEATS } from "@/lib/onboarding/seats";
import type { TSubscribeInput } from "@/lib/validation/onboarding";
import { StepCard } from "./step-card";
import { useWizard } from "./use-wizard";
import { lazyZodResolver } from "@/lib/forms/lazy-resolver";

const subscribeFormResolver = lazyZodResolver<TSubscribeInput>(() =>
  import("@/lib/validation/onboarding").then((m) => m.ZSubscribeForm),
);

export function PlanStep() {
  const t = useTranslations("onboarding.plan");
  const trpc = useTRPC();
  const errors = useErrorMessage();
  const { data: wizard, goTo, next } = useWizard();
  const ops = useQuery(trpc.operators.list.queryOptions());
  const suggested = Math.max(MIN_SEATS, ops.data?.items.filter((o) => o.active).length ?? 0);
  // The suggestion follows the operator count until the field is edited.
  const form = useForm<TSubscribeInput>({
    resolver: subscribeFormResolver,
    values: { seats: wizard.wizard.data.seats ?? suggested },
    resetOptions: { keepDirtyValues: true },
  });
  const putOnFields = useServerErrors(form, ["seats"]);
  const fieldError = useFieldError();
  const [failure, setFailure] = useState<ServerErrorData | null>(null);
  const onError = (err: unknown) => setFailure(errorDataOf(err));
  const subscribe = useMutation(
    trpc.plan.subscribe.mutationOptions({
      onMutate: () => setFailure(null),
      onSuccess: () => goTo(next("plan")),
      onError: (err) => {
        const data = errorDataOf(err);
        if (!putOnFields(data)) setFailure(data);
      },
    }),
  );
  const trial = useMutation(
    trpc.plan.continueTrial.mutationOptions({
      onMutate: () => setFailure(null),
      onSuccess: () => goTo(next("plan")),
      onError,
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
      <form noValidate className="flex flex-col gap-4" onSubmit={form.handleSubmit((v) => subscribe.mutate(v))}>
        <TextField
          className="max-w-xs"
          label={t("seats")}
          type="number"
          inputMode="numeric"
          min={MIN_SEATS}
          hint={t("seatsHint")}
          error={fieldError(form.formState.errors.seats)}
          {...form.register("seats", { valueAsNumber: true })}
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
