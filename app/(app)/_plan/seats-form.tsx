"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { errorDataOf, useErrorMessage, type ServerErrorData } from "@/lib/errors/messages";
import { lazyZodResolver } from "@/lib/forms/lazy-resolver";
import { useFieldError, useServerErrors } from "@/lib/forms/server-errors";
import { MAX_SEATS, MIN_SEATS } from "@/lib/onboarding/seats";
import { monthlyTotalCents, PLAN_CURRENCY, reais } from "@/lib/plan/price";
import { useTRPC } from "@/lib/trpc/react";
import type { TSubscribeInput } from "@/lib/validation/onboarding";

type SeatsFormValues = Pick<TSubscribeInput, "seats">;

const subscribeFormResolver = lazyZodResolver<SeatsFormValues>(() =>
  import("@/lib/validation/onboarding").then((m) => m.ZSubscribeForm),
);

/** Seats the total can be shown for (the schema says why others are refused). */
const countable = (seats: number) => Number.isInteger(seats) && seats >= MIN_SEATS && seats <= MAX_SEATS;

/** Centavos as R$ in the reader's locale (lib/plan/price). */
export function useMoney() {
  const format = useFormatter();
  return (cents: number) => format.number(reais(cents), { style: "currency", currency: PLAN_CURRENCY });
}

/**
 * The seats form shared by the wizard's plan step and the plan page: the integrator's price per
 * seat (PLAN_PRICE_PER_SEAT), seats × price = the monthly total, and a confirmation naming seats and
 * total before plan.subscribe. The server re-checks the price: when it changed since the page
 * loaded, the new total is shown and nothing was sent. A vendor refusal lands next to the field.
 *
 * `currentSeats`: an active subscription's seats (the page then "changes" rather than "subscribes").
 */
export function SeatsForm({
  initialSeats,
  currentSeats = null,
  canEdit,
  disabled,
  onSubscribed,
  children,
}: {
  initialSeats: number;
  currentSeats?: number | null;
  canEdit: boolean;
  /** Another action of the page is running. */
  disabled?: boolean;
  onSubscribed: (seats: number) => void;
  /** More buttons beside the submit button. */
  children?: React.ReactNode;
}) {
  const t = useTranslations("onboarding.plan");
  const money = useMoney();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errors = useErrorMessage();
  const pricing = useQuery(trpc.plan.pricing.queryOptions());
  const perSeat = pricing.data?.pricePerSeatCents ?? null;
  const changing = currentSeats !== null;
  /** The seats waiting for the person's confirmation (the dialog is open while set). */
  const [confirming, setConfirming] = useState<number | null>(null);
  const form = useForm<SeatsFormValues>({
    resolver: subscribeFormResolver,
    values: { seats: initialSeats },
    resetOptions: { keepDirtyValues: true },
  });
  const putOnFields = useServerErrors(form, ["seats"]);
  const fieldError = useFieldError();
  const [failure, setFailure] = useState<ServerErrorData | null>(null);
  /** The price per seat the server answered with when it refused a stale one (0: now agreed). */
  const [newPrice, setNewPrice] = useState<number | null>(null);
  const subscribe = useMutation(
    trpc.plan.subscribe.mutationOptions({
      onMutate: () => {
        setFailure(null);
        setNewPrice(null);
      },
      onSuccess: (sub) => onSubscribed(sub.quantity),
      onSettled: () => setConfirming(null),
      onError: (err) => {
        const data = errorDataOf(err);
        if (data.appError?.code === "PRICE_CHANGED") {
          setNewPrice(Number(data.appError.params?.pricePerSeatCents ?? 0));
          void queryClient.invalidateQueries(trpc.plan.pricing.queryFilter());
          return;
        }
        if (!putOnFields(data)) setFailure(data);
      },
    }),
  );

  const seats = useWatch({ control: form.control, name: "seats" });
  const pricesFor = (n: number, cents: number | null = perSeat) => ({
    seats: n,
    price: cents === null ? "" : money(cents),
    total: cents === null ? "" : money(monthlyTotalCents(cents, n)),
  });
  const confirmBody = (n: number) => {
    if (changing) {
      const values = { ...pricesFor(n), from: currentSeats };
      return perSeat === null ? t("confirmChangeBodyAgreed", values) : t("confirmChangeBody", values);
    }
    return perSeat === null ? t("confirmBodyAgreed", { seats: n }) : t("confirmBody", pricesFor(n));
  };

  return (
    <div className="flex flex-col gap-4">
      {failure && <Alert>{errors.message(failure)}</Alert>}
      {newPrice !== null && confirming === null && (
        <Alert tone="warning">
          {newPrice === 0
            ? t("priceChangedAgreed")
            : t("priceChanged", countable(seats) ? pricesFor(seats, newPrice) : pricesFor(MIN_SEATS, newPrice))}
        </Alert>
      )}
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
          max={MAX_SEATS}
          hint={t("seatsHint")}
          error={fieldError(form.formState.errors.seats)}
          readOnly={!canEdit}
          {...form.register("seats", { valueAsNumber: true })}
        />
        {perSeat !== null && (
          <p className="text-base font-semibold text-slate-900" aria-live="polite" data-testid="plan-total">
            {countable(seats) ? t("total", pricesFor(seats)) : ""}
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" busy={subscribe.isPending} disabled={!canEdit || disabled || pricing.isPending}>
            {changing
              ? subscribe.isPending
                ? t("changing")
                : t("change")
              : subscribe.isPending
                ? t("subscribing")
                : t("subscribe")}
          </Button>
          {children}
        </div>
      </form>
      <ConfirmDialog
        open={confirming !== null}
        title={changing ? t("confirmChangeTitle") : t("confirmTitle")}
        tone="primary"
        body={
          confirming !== null && (
            <>
              <p>{confirmBody(confirming)}</p>
              <p className="mt-2">{changing ? t("confirmChangeNote") : t("confirmNote")}</p>
            </>
          )
        }
        confirmLabel={changing ? t("confirmChange") : t("confirm")}
        cancelLabel={t("cancel")}
        busy={subscribe.isPending}
        onConfirm={() => confirming !== null && subscribe.mutate({ seats: confirming, pricePerSeatCents: perSeat })}
        onClose={() => !subscribe.isPending && setConfirming(null)}
      />
    </div>
  );
}
