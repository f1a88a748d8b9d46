"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/toast";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";

/** How often a running import is polled. */
const POLL_MS = 1000;

/** A durable import job: live progress (polled while running), then its failed rows to retry. */
export function JobProgress({ jobId, onAnother }: { jobId: string; onAnother: () => void }) {
  const t = useTranslations("import.job");
  const tErrors = useTranslations("errors");
  const errors = useErrorMessage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const job = useQuery({
    ...trpc.imports.get.queryOptions({ jobId }),
    refetchInterval: (query) => (query.state.data?.status === "running" ? POLL_MS : false),
    retry: (count, error) => errorDataOf(error).appError?.code !== "NOT_FOUND" && count < 3,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.imports.get.queryKey({ jobId }) });
  const onError = (error: unknown) => toast.error(errors.message(errorDataOf(error)));
  const retryRow = useMutation(
    trpc.imports.retryRow.mutationOptions({
      onSuccess: () => toast.success(t("retried")),
      onError,
      onSettled: refresh,
    }),
  );
  const retryAll = useMutation(
    trpc.imports.retryFailed.mutationOptions({
      onSuccess: () => toast.success(t("retriedAll")),
      onError,
      onSettled: refresh,
    }),
  );

  /** A failed row's reason in words: the app error code's sentence, with the vendor's reason when it gave one. */
  const reason = (error: { code: string; message: string | null }) => {
    if (tErrors.has(error.code as never))
      return errors.message({ appError: { code: error.code, params: { reason: error.message ?? "" } } });
    return error.message ?? errors.message({ appError: { code: "INTERNAL" } });
  };

  const another = (
    <Button type="button" variant="secondary" onClick={onAnother}>
      {t("another")}
    </Button>
  );

  if (job.isError && !job.data) {
    return (
      <Card className="flex flex-col items-start gap-4">
        <Alert tone="danger">
          {errorDataOf(job.error).appError?.code === "NOT_FOUND"
            ? t("notFound")
            : errors.message(errorDataOf(job.error))}
        </Alert>
        {another}
      </Card>
    );
  }
  const data = job.data;
  if (!data) {
    return (
      <Card aria-busy className="h-40 animate-pulse">
        <span className="sr-only">{t("progress")}</span>
      </Card>
    );
  }

  const processed = data.done + data.failed;
  const percent = data.total > 0 ? Math.round((processed / data.total) * 100) : 100;
  const running = data.status === "running";
  const widthOf = (n: number) => `${data.total > 0 ? (n / data.total) * 100 : 0}%`;

  return (
    <div className="flex flex-col gap-6">
      <Card className="flex flex-col gap-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="min-w-0 break-words text-lg font-semibold text-slate-900">
            {data.fileName ? t("title", { file: data.fileName }) : t("titleNoFile")}
          </h2>
          <span className="text-2xl font-bold tabular-nums text-slate-900" aria-hidden>
            {percent}%
          </span>
        </div>
        <div
          role="progressbar"
          aria-label={t("progress")}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={`${percent}% — ${t("progressText", { processed, total: data.total })}`}
          className="flex h-3 w-full overflow-hidden rounded-full bg-slate-200"
        >
          <div className="h-full bg-brand-700 transition-[width] duration-500" style={{ width: widthOf(data.done) }} />
          <div
            className="h-full bg-danger-600 transition-[width] duration-500"
            style={{ width: widthOf(data.failed) }}
          />
        </div>
        <p className="text-sm font-medium tabular-nums text-slate-800" data-testid="import-counts">
          {t("counts", { done: data.done, failed: data.failed, remaining: data.remaining })}
        </p>
        <div aria-live="polite">
          {running ? (
            <p className="text-sm text-slate-600">{t("running")}</p>
          ) : (
            <Alert tone={data.failed > 0 ? "warning" : "info"}>
              {data.failed > 0 ? t("finishedWithFailures", { failed: data.failed }) : t("finished")}
            </Alert>
          )}
        </div>
        {!running && (
          <div className="flex flex-wrap gap-2">
            <Link
              href="/team/operators"
              className="inline-flex items-center justify-center rounded-lg bg-brand-700 px-4 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-brand-800"
            >
              {t("viewOperators")}
            </Link>
            {another}
          </div>
        )}
      </Card>

      {data.failedRows.length > 0 && (
        <Card className="flex flex-col gap-4">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 className="text-lg font-semibold text-slate-900">{t("failedTitle")}</h2>
            <Button
              type="button"
              variant="secondary"
              busy={retryAll.isPending}
              onClick={() => retryAll.mutate({ jobId })}
            >
              {t("retryAll")}
            </Button>
          </div>
          <ul aria-label={t("failedTitle")} className="divide-y divide-slate-100 rounded-lg border border-slate-200">
            {data.failedRows.map((row) => (
              <li
                key={row.rowId}
                data-testid="failed-row"
                className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between"
              >
                <div className="min-w-0">
                  <p className="break-words font-medium text-slate-900">
                    {t("failedRow", { line: row.line, name: row.name })}
                  </p>
                  <p className="text-sm text-danger-700">{reason(row.error)}</p>
                </div>
                <Button
                  type="button"
                  variant="secondary"
                  className="shrink-0"
                  aria-label={t("retryLabel", { line: row.line, name: row.name })}
                  busy={retryRow.isPending && retryRow.variables?.rowId === row.rowId}
                  onClick={() => retryRow.mutate({ jobId, rowId: row.rowId })}
                >
                  {t("retry")}
                </Button>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
