"use client";
import { useSuspenseQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { useTRPC } from "@/lib/trpc/react";

/** The subscription's changes (subscribed, seats changed, cancelled), who and when, from the audit log. */
export function PlanHistory() {
  const t = useTranslations("plan");
  const format = useFormatter();
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.plan.history.queryOptions());
  type Item = (typeof data.items)[number];
  const who = (item: Item) =>
    item.actorKind === "deleted"
      ? t("actorDeleted")
      : item.actorKind === "system" || !item.actorName
        ? t("actorSystem")
        : item.actorName;
  const what = (item: Item) => {
    const seats = item.seats ?? 0;
    if (item.kind === "changed") return t("history.changed", { seats, previousSeats: item.previousSeats ?? 0 });
    if (item.kind === "cancelled") return t("history.cancelled", { seats });
    return t("history.subscribed", { seats });
  };
  return (
    <section aria-labelledby="plan-history" className="flex flex-col gap-3">
      <h2 id="plan-history" className="text-lg font-semibold text-slate-900">
        {t("historyTitle")}
      </h2>
      {data.items.length === 0 ? (
        <Card tone="muted" padding="md">
          <p className="text-sm text-slate-700">{t("historyEmpty")}</p>
        </Card>
      ) : (
        <Table
          caption={t("historyTitle")}
          rows={data.items}
          rowKey={(item) => item.id}
          rowProps={() => ({ "data-testid": "plan-history-row" })}
          minWidth="sm:min-w-[36rem]"
          columns={[
            {
              key: "what",
              header: t("historyWhat"),
              primary: true,
              cell: (item) => (
                <>
                  <span className="font-medium text-slate-900">{what(item)}</span>
                  {item.cancelReason && (
                    <span className="block text-slate-700">
                      {t("history.reason", { reason: t(`reasons.${item.cancelReason}`) })}
                      {item.cancelNote && ` — “${item.cancelNote}”`}
                    </span>
                  )}
                </>
              ),
            },
            { key: "who", header: t("historyWho"), cell: who },
            {
              key: "when",
              header: t("historyWhen"),
              cell: (item) => format.dateTime(item.at, { dateStyle: "medium", timeStyle: "short" }),
            },
          ]}
        />
      )}
    </section>
  );
}
