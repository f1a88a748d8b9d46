"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { toast } from "@/components/ui/toast";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";
import { SUPPORT_HOURS_CHOICES } from "@/lib/validation/console-choices";

/** The live grant (if any) and, for owners, the controls to allow or end support access. */
export function SupportAccessPanel({ owner }: { owner: boolean }) {
  const t = useTranslations("support.section");
  const format = useFormatter();
  const errors = useErrorMessage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.supportAccess.list.queryOptions());
  const [hours, setHours] = useState<number>(SUPPORT_HOURS_CHOICES[0]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.supportAccess.list.queryKey() });
  const until = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });

  const grant = useMutation(
    trpc.supportAccess.grant.mutationOptions({
      onSuccess: (r) => toast.success(t("granted", { until: until(r.expiresAt) })),
      onError: (error) => toast.error(errors.message(errorDataOf(error))),
      onSettled: refresh,
    }),
  );
  const revoke = useMutation(
    trpc.supportAccess.revoke.mutationOptions({
      onSuccess: () => toast.success(t("revoked")),
      onError: (error) => toast.error(errors.message(errorDataOf(error))),
      onSettled: refresh,
    }),
  );

  if (list.isPending) return null;
  if (list.isError) return <Alert>{t("loadFailed")}</Alert>;
  const active = list.data.find((g) => g.active);
  return (
    <div className="flex flex-col gap-4" data-testid="support-access">
      <p className="text-sm font-medium text-slate-800" role="status">
        {active ? t("active", { until: until(active.expiresAt) }) : t("none")}
      </p>
      {owner ? (
        <div className="flex flex-wrap items-end gap-3">
          {active ? (
            <Button
              type="button"
              variant="secondary"
              busy={revoke.isPending}
              onClick={() => revoke.mutate({ id: active.id })}
            >
              {t("revoke")}
            </Button>
          ) : (
            <>
              <SelectField
                label={t("hours")}
                value={hours}
                onChange={(e) => setHours(Number(e.target.value))}
                className="w-40"
              >
                {SUPPORT_HOURS_CHOICES.map((h) => (
                  <option key={h} value={h}>
                    {t("hoursOption", { hours: h })}
                  </option>
                ))}
              </SelectField>
              <Button type="button" busy={grant.isPending} onClick={() => grant.mutate({ hours })}>
                {t("grant")}
              </Button>
            </>
          )}
        </div>
      ) : (
        <p className="text-sm text-slate-600">{t("ownerOnly")}</p>
      )}
    </div>
  );
}
