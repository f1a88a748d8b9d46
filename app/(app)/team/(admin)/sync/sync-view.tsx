"use client";
/**
 * Sincronizar: compares on load and on "Comparar agora", lists the differences per section and
 * fixes one with a click. A fixed row leaves the list at once (optimistic) and comes back with a
 * toast if the server refuses; the comparison is then read again from the provider.
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import { differenceCount } from "@/lib/sync/differences";
import { useTRPC, useTRPCClient } from "@/lib/trpc/react";
import { SyncSection, type Fix, type SyncData } from "./sync-section";

interface Prunable {
  onlyVendor: Array<{ vendorId: string }>;
  onlyLocal: Array<{ id: string }>;
  different: Array<{ id: string }>;
}

/** A section without the row a fix is about. */
function prune<S extends Prunable>(section: S, fix: Fix): S {
  if (fix.verb === "adopt")
    return { ...section, onlyVendor: section.onlyVendor.filter((r) => r.vendorId !== fix.vendorId) };
  if (fix.verb === "recreate" || fix.verb === "forget")
    return { ...section, onlyLocal: section.onlyLocal.filter((r) => r.id !== fix.id) };
  return { ...section, different: section.different.filter((r) => r.id !== fix.id) };
}

/** The comparison without the row a fix is about (what the page shows while the fix runs). */
function withoutRow(data: SyncData, fix: Fix): SyncData {
  return fix.kind === "operator"
    ? { ...data, operators: prune(data.operators, fix) }
    : { ...data, departments: prune(data.departments, fix) };
}

/** `canFix`: false for platform staff under support access (they see the comparison, never a fix). */
export function SyncView({ canFix }: { canFix: boolean }) {
  const t = useTranslations("sync");
  const format = useFormatter();
  const errors = useErrorMessage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const client = useTRPCClient();
  // A comparison is a POST (the server remembers it), kept in the query cache like a read: on
  // load, on "Comparar agora" and after each fix.
  const compareOptions = queryOptions({
    queryKey: ["sync.compare"],
    queryFn: () => client.sync.compare.mutate(),
    refetchOnWindowFocus: false,
    retry: false,
  });
  const compareKey = compareOptions.queryKey;
  const compare = useQuery(compareOptions);
  const [forgetting, setForgetting] = useState<Fix | null>(null);

  const say = (error: unknown) => {
    const info = errorDataOf(error);
    return info.appError?.code === "CONFLICT" ? t("conflict") : errors.message(info);
  };
  const recompare = () => void queryClient.invalidateQueries({ queryKey: compareKey });

  const optimistic = {
    onMutate: async (fix: Fix) => {
      await queryClient.cancelQueries({ queryKey: compareKey });
      const previous = queryClient.getQueryData(compareKey);
      if (previous) queryClient.setQueryData(compareKey, withoutRow(previous, fix));
      return { previous };
    },
    onError: (error: unknown, _fix: Fix, context: { previous?: SyncData } | undefined) => {
      if (context?.previous) queryClient.setQueryData(compareKey, context.previous);
      toast.error(say(error));
    },
    onSuccess: (result: { name: string }, fix: Fix) => toast.success(t(`done.${fix.verb}`, { name: result.name })),
    onSettled: recompare,
  };
  const adopt = useMutation(trpc.sync.adopt.mutationOptions());
  const push = useMutation(trpc.sync.push.mutationOptions());
  const pull = useMutation(trpc.sync.pull.mutationOptions());
  const recreate = useMutation(trpc.sync.recreate.mutationOptions());
  const forget = useMutation(trpc.sync.forget.mutationOptions());
  const fix = useMutation({
    mutationFn: (f: Fix) => {
      switch (f.verb) {
        case "adopt":
          return adopt.mutateAsync({ kind: f.kind, vendorId: f.vendorId });
        case "push":
          return push.mutateAsync({ kind: f.kind, id: f.id, version: f.version });
        case "pull":
          return pull.mutateAsync({ kind: f.kind, id: f.id, version: f.version });
        case "recreate":
          return recreate.mutateAsync({ kind: f.kind, id: f.id, version: f.version });
        case "forget":
          return forget.mutateAsync({ kind: f.kind, id: f.id, version: f.version });
      }
    },
    ...optimistic,
  });
  const adoptAll = useMutation(
    trpc.sync.adoptAll.mutationOptions({
      onSuccess: (res) => toast.success(t("adoptedAll", res)),
      onError: (error) => toast.error(say(error)),
      onSettled: recompare,
    }),
  );

  const onFix = (f: Fix) => {
    if (f.verb === "forget") setForgetting(f);
    else fix.mutate(f);
  };
  const busy = fix.isPending || adoptAll.isPending;

  const data = compare.data;
  const onlyVendorCount = data ? data.operators.onlyVendor.length + data.departments.onlyVendor.length : 0;
  const pending = data ? differenceCount([data.operators, data.departments]) : 0;

  return (
    <div className="flex flex-col gap-6">
      <Card padding="md" className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-slate-700" aria-live="polite" data-testid="last-compared">
          {compare.isFetching
            ? t("comparing")
            : data
              ? t("lastCompared", {
                  time: format.dateTime(data.comparedAt, { dateStyle: "short", timeStyle: "medium" }),
                })
              : null}
        </p>
        <div className="flex flex-wrap gap-2">
          {canFix && onlyVendorCount > 0 && (
            <Button type="button" variant="secondary" busy={adoptAll.isPending} onClick={() => adoptAll.mutate()}>
              {t("adoptAll", { count: onlyVendorCount })}
            </Button>
          )}
          <Button type="button" busy={compare.isFetching} onClick={() => void compare.refetch()}>
            {t("compareNow")}
          </Button>
        </div>
      </Card>

      {compare.isError && !compare.isFetching && (
        <Alert>{t("loadError", { message: errors.message(errorDataOf(compare.error)) })}</Alert>
      )}

      {/* "Tudo em dia" only for a comparison that just worked, never under "could not compare". */}
      {data && pending === 0 && !compare.isError && (
        <Card tone="brand" className="text-center" role="status" data-testid="up-to-date">
          <h2 className="text-lg font-semibold text-brand-800">{t("upToDate")}</h2>
          <p className="mt-1 text-sm text-brand-800">{t("upToDateBody")}</p>
        </Card>
      )}

      {data && pending > 0 && (
        <>
          {data.supported.operators && (
            <SyncSection kind="operator" section={data.operators} busy={busy} onFix={onFix} readOnly={!canFix} />
          )}
          {data.supported.departments && (
            <SyncSection kind="department" section={data.departments} busy={busy} onFix={onFix} readOnly={!canFix} />
          )}
        </>
      )}

      <ConfirmDialog
        open={forgetting !== null}
        title={forgetting ? t("forgetTitle", { name: forgetting.name }) : ""}
        body={forgetting?.kind === "operator" ? t("forgetBodyOperator") : t("forgetBodyDepartment")}
        confirmLabel={t("forgetConfirm")}
        cancelLabel={t("cancel")}
        onClose={() => setForgetting(null)}
        onConfirm={() => {
          if (forgetting) fix.mutate(forgetting);
          setForgetting(null);
        }}
      />
    </div>
  );
}
