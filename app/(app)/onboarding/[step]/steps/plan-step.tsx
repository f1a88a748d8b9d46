"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { errorDataOf, useErrorMessage, type ServerErrorData } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";
import { useFieldError, useServerErrors } from "@/lib/forms/server-errors";
import { MAX_SEATS, MIN_SEATS } from "@/lib/onboarding/seats";
import { monthlyTotalCents, PLAN_CURRENCY, reais } from "@/lib/plan/price";
import type { TSubscribeInput } from "@/lib/validation/onboarding";
import { StepCard } from "./step-card";
import { useWizard } from "./use-wizard";
import { lazyZodResolver } from "@/lib/forms/lazy-resolver";

const subscribeFormResolver = lazyZodResolver<TSubscribeInput>(() =>
  import("@/lib/validation/onboarding").then((m) => m.ZSubscribeForm),
);

/** Seats the total can be shown for (the schema says why others are refused). */
const countable = (seats: number) => Number.isInteger(seats) && seats >= MIN_SEATS && seats <= MAX_SEATS;

/**
 * The plan step: the trial, the integrator's price per seat (PLAN_PRICE_PER_SEAT) with seats ×
 * price = the monthly total, and a confirmation naming seats and total before the vendor call.
 */
export function PlanStep() {
  const t = useTranslations("onboarding.plan");
  const format = useFormatter();
  const trpc = useTRPC();
  const errors = useErrorMessage();
  const { data: wizard, goTo, next } = useWizard();
  const ops = useQuery(trpc.operators.list.queryOptions());
  const pricing = useQuery(trpc.plan.pricing.queryOptions());
  const perSeat = pricing.data?.pricePerSeatCents ?? null;
  const money = (cents: number) => format.number(reais(cents), { style: "currency", currency: PLAN_CURRENCY });
  /** The seats waiting for the person's confirmation (the dialog is open while set). */
  const [confirming, setConfirming] = useState<number | null>(null);
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
      onSettled: () => setConfirming(null),
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

  const seats = useWatch({ control: form.control, name: "seats" });
  const pricesFor = (n: number) => {
    const price = perSeat === null ? "" : money(perSeat);
    const total = perSeat === null ? "" : money(monthlyTotalCents(perSeat, n));
    return { seats: n, price, total };
  };

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
      <p className="text-sm text-slate-800" data-testid="plan-price">
        {perSeat === null ? t("priceAgreed") : t("price", { price: money(perSeat) })}
      </p>
      <form noValidate className="flex flex-col gap-4" onSubmit={form.handleSubmit((v) => setConfirming(v.seats))}>
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
        {perSeat !== null && (
          <p className="text-base font-semibold text-slate-900" aria-live="polite" data-testid="plan-total">
            {countable(seats) ? t("total", pricesFor(seats)) : ""}
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          <Button
            type="submit"
            busy={subscribe.isPending}
            disabled={!wizard.canEdit || trial.isPending || pricing.isPending}
          >
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
      <ConfirmDialog
        open={confirming !== null}
        title={t("confirmTitle")}
        tone="primary"
        body={
          confirming !== null && (
            <>
              <p>
                {perSeat === null
                  ? t("confirmBodyAgreed", { seats: confirming })
                  : t("confirmBody", pricesFor(confirming))}
              </p>
              <p className="mt-2">{t("confirmNote")}</p>
            </>
          )
        }
        confirmLabel={t("confirm")}
        cancelLabel={t("cancel")}
        busy={subscribe.isPending}
        onConfirm={() => confirming !== null && subscribe.mutate({ seats: confirming })}
        onClose={() => !subscribe.isPending && setConfirming(null)}
      />
    </StepCard>
  );
}
