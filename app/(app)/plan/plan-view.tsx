"use client";
import { useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { toast } from "@/components/ui/toast";
import { MIN_SEATS } from "@/lib/onboarding/seats";
import { monthlyTotalCents } from "@/lib/plan/price";
import { useTRPC } from "@/lib/trpc/react";
import { SeatsForm, useMoney } from "../_plan/seats-form";
import { CancelSection } from "./cancel-section";
import { PlanHistory } from "./plan-history";

/** The plan as the portal knows it, what admins can do with it, and its history. */
export function PlanView() {
  const t = useTranslations("plan");
  const format = useFormatter();
  const money = useMoney();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: plan } = useSuspenseQuery(trpc.plan.get.queryOptions());
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  const sub = plan.subscription;
  const active = sub?.status === "active";
  const trialRunning = plan.trial !== null && plan.trial.daysLeft > 0;
  const meaning = trialRunning ? t("meaningTrial", { date: day(plan.trial!.endsAt) }) : t("meaningNow");
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.plan.get.queryFilter()),
      queryClient.invalidateQueries(trpc.plan.history.queryFilter()),
    ]);

  return (
    <>
      <Card title={t("currentTitle")} data-testid="plan-current">
        <div className="flex flex-col gap-2 text-sm text-slate-800">
          {plan.trial && (
            <p data-testid="plan-trial">
              {trialRunning
                ? t("trialLeft", { days: plan.trial.daysLeft, date: day(plan.trial.endsAt) })
                : t("trialOver", { date: day(plan.trial.endsAt) })}
            </p>
          )}
          <div data-testid="plan-status" className="flex flex-col gap-1">
            {!sub && <p className="text-base font-semibold text-slate-900">{t("noSubscription")}</p>}
            {sub && active && (
              <>
                <p className="text-base font-semibold text-slate-900">{t("active", { seats: sub.seats })}</p>
                <p>
                  {plan.pricePerSeatCents === null
                    ? t("monthlyAgreed")
                    : t("monthly", {
                        total: money(monthlyTotalCents(plan.pricePerSeatCents, sub.seats)),
                        price: money(plan.pricePerSeatCents),
                      })}
                </p>
                <p className="text-slate-700">{t("since", { date: day(sub.subscribedAt) })}</p>
              </>
            )}
            {sub && !active && sub.cancelledAt && (
              <>
                <p className="text-base font-semibold text-slate-900">
                  {t("cancelled", { date: day(sub.cancelledAt) })}
                </p>
                <p>{meaning}</p>
                {plan.canEdit && <p className="text-slate-700">{t("resubscribe")}</p>}
              </>
            )}
          </div>
        </div>
      </Card>

      {plan.canEdit ? (
        <Card title={active ? t("changeTitle") : t("subscribeTitle")}>
          <SeatsForm
            initialSeats={sub?.seats ?? MIN_SEATS}
            currentSeats={active ? sub.seats : null}
            canEdit={plan.canEdit}
            onSubscribed={async (seats) => {
              toast.success(t("changedToast", { seats }));
              await refresh();
            }}
          />
        </Card>
      ) : (
        <Alert tone="info">{t("membersRead")}</Alert>
      )}

      {plan.canEdit && active && (
        <CancelSection
          seats={sub.seats}
          meaning={meaning}
          onCancelled={async () => {
            toast.success(t("cancelledToast"));
            await refresh();
          }}
        />
      )}

      <PlanHistory />
    </>
  );
}
