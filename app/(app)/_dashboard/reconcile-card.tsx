"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { notAfter } from "@/lib/i18n/past";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";

/**
 * The reconciler made visible to admins: when it last compared our records with the chat
 * provider, what it fixed, and a button to run it now.
 */
export function ReconcileCard() {
  const t = useTranslations("dashboard.reconcile");
  const format = useFormatter();
  const now = useNow({ updateInterval: 30_000 });
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errors = useErrorMessage();
  const status = useQuery(trpc.reliability.status.queryOptions());
  const run = useMutation(
    trpc.reliability.reconcileNow.mutationOptions({
      onSuccess: async (r) => {
        await queryClient.invalidateQueries({ queryKey: trpc.reliability.status.queryKey() });
        if (!r.ran) toast.info(t("busy"));
        else toast.success(t("done", { fixed: r.adopted + r.recreated + r.refreshed, attention: r.needsAttention }));
      },
      onError: (error) => toast.error(errors.message(errorDataOf(error))),
    }),
  );
  const last = status.data?.lastRun ?? null;
  const fixed = last ? last.adopted + last.recreated + last.refreshed : 0;
  return (
    <Card data-testid="reconcile-status" className="flex flex-wrap items-center justify-between gap-3">
      <div className="min-w-0">
        <h2 className="text-sm font-medium text-slate-700">{t("title")}</h2>
        <p className="mt-1 text-sm text-slate-900">
          {status.isPending
            ? t("loading")
            : !last
              ? t("never")
              : last.error
                ? t("lastFailed", { when: format.relativeTime(notAfter(last.startedAt, now), now) })
                : t("last", {
                    when: format.relativeTime(notAfter(last.startedAt, now), now),
                    fixed,
                    attention: last.needsAttention,
                  })}
        </p>
      </div>
      <Button type="button" variant="secondary" onClick={() => run.mutate()} busy={run.isPending}>
        {t("runNow")}
      </Button>
    </Card>
  );
}
