"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { LazyBoundary, lazyWithPreload } from "@/components/ui/lazy";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import type { ImportCaps, ImportPreview } from "@/lib/import/operators-csv";
import { useTRPC } from "@/lib/trpc/react";
import { FileDrop, type LoadedFile } from "./file-drop";
import { JobProgress } from "./job-progress";
import { useRowErrorMessage } from "./row-error";

// The parser (papaparse, the row schemas) and the preview's table load once a file is on its way.
const loadParser = () => import("@/lib/import/operators-csv");
const PreviewTable = lazyWithPreload(() => import("./preview-table"));
const warmPreview = { preload: () => Promise.all([loadParser(), PreviewTable.preload()]) };

/** The address of a job's progress, so a reload (or a shared link) finds it again. */
function showJobInAddress(jobId: string | null) {
  window.history.replaceState(null, "", jobId ? `/team/import?job=${encodeURIComponent(jobId)}` : "/team/import");
}

export function ImportView({
  caps,
  initialJobId,
  latest,
  help,
}: {
  caps: ImportCaps;
  initialJobId: string | null;
  /** The organization's most recent (finished) import, when no job is shown. */
  latest: { id: string; fileName: string | null; done: number; failed: number } | null;
  /** The columns' explanation (rendered on the server), shown beside the file picker. */
  help: React.ReactNode;
}) {
  const [jobId, setJobId] = useState<string | null>(initialJobId);
  const [file, setFile] = useState<LoadedFile | null>(null);
  /** The browser's preview, with the file it is of: a parse that ends after another file was picked is not shown. */
  const [instant, setInstant] = useState<{ of: LoadedFile; preview: ImportPreview } | null>(null);
  const t = useTranslations("import");
  const errors = useErrorMessage();
  const rowError = useRowErrorMessage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const departments = useQuery(trpc.departments.list.queryOptions());

  // The browser's preview is instant; the server's (same module, plus the existing
  // operators) confirms it and is what the import will do.
  const check = useMutation(trpc.imports.preview.mutationOptions());
  const start = useMutation(
    trpc.imports.start.mutationOptions({
      onSuccess: ({ jobId: id }) => {
        showJobInAddress(id);
        setJobId(id);
        setFile(null);
        setInstant(null);
        check.reset();
        toast.success(t("job.started"));
        void queryClient.invalidateQueries({ queryKey: trpc.imports.list.queryKey() });
      },
      onError: (error) => toast.error(errors.message(errorDataOf(error))),
    }),
  );

  const onFile = async (loaded: LoadedFile) => {
    setFile(loaded);
    setInstant(null);
    check.mutate({ csv: loaded.text });
    void PreviewTable.preload().catch(() => undefined);
    try {
      const { previewOperatorsCsv } = await loadParser();
      setInstant({
        of: loaded,
        preview: previewOperatorsCsv(loaded.text, {
          caps,
          departmentNames: (departments.data?.items ?? []).map((d) => d.name),
          existingNames: [],
        }),
      });
    } catch {
      // The parser did not arrive (network): the server's preview still comes.
    }
  };

  const clear = () => {
    setFile(null);
    setInstant(null);
    check.reset();
  };

  if (jobId) {
    return (
      <JobProgress
        jobId={jobId}
        onAnother={() => {
          showJobInAddress(null);
          setJobId(null);
        }}
      />
    );
  }

  const confirmed = check.data ?? null;
  const preview = confirmed ?? (instant && instant.of === file ? instant.preview : null);
  const checking = check.isPending;

  return (
    <div className="flex flex-col gap-6">
      {latest && !file && (
        <Alert tone="info" className="flex flex-wrap items-center justify-between gap-2">
          <span>{t("job.last", { file: latest.fileName ?? "CSV", done: latest.done, failed: latest.failed })}</span>
          <Link
            href={`/team/import?job=${latest.id}`}
            onClick={(e) => {
              e.preventDefault();
              showJobInAddress(latest.id);
              setJobId(latest.id);
            }}
            className="font-semibold underline underline-offset-2"
          >
            {t("job.lastOpen")}
          </Link>
        </Alert>
      )}
      {/* Phones: picker, preview, then the columns' explanation; wide screens: the explanation beside the picker. */}
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Card className="flex flex-col gap-4 lg:col-start-1 lg:row-start-1">
          <FileDrop fileName={file?.name ?? null} onFile={onFile} onClear={clear} warm={warmPreview} />
        </Card>
        <div className="order-last lg:order-none lg:col-start-2 lg:row-start-1">{help}</div>

        {file && preview && (
          <Card
            as="section"
            padding="none"
            aria-labelledby="import-preview-title"
            className="flex min-w-0 flex-col gap-4 lg:col-span-2"
          >
            <div className="flex flex-col gap-3 px-4 pt-5 sm:px-6">
              <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                <h2 id="import-preview-title" className="text-lg font-semibold text-slate-900">
                  {t("preview.title")}
                </h2>
                <p className="text-sm text-slate-600" aria-live="polite">
                  {checking ? (
                    <span className="inline-flex items-center gap-2">
                      <span
                        aria-hidden
                        className="size-3 animate-spin rounded-full border-2 border-current border-r-transparent"
                      />
                      {t("preview.checking")}
                    </span>
                  ) : confirmed ? (
                    <span className="text-brand-800">✓ {t("preview.checked")}</span>
                  ) : null}
                </p>
              </div>
              {check.isError && (
                <Alert tone="warning" className="flex flex-wrap items-center justify-between gap-2">
                  <span>{t("preview.checkFailed", { reason: errors.message(errorDataOf(check.error)) })}</span>
                  <Button type="button" variant="secondary" onClick={() => check.mutate({ csv: file.text })}>
                    {t("preview.checkAgain")}
                  </Button>
                </Alert>
              )}
              {preview.fileErrors.length > 0 && (
                <Alert tone="danger">
                  <ul className="flex flex-col gap-1">
                    {preview.fileErrors.map((e, i) => (
                      <li key={i}>{rowError(e)}</li>
                    ))}
                  </ul>
                </Alert>
              )}
            </div>
            {preview.rows.length > 0 && (
              <LazyBoundary>
                <PreviewTable preview={preview} />
              </LazyBoundary>
            )}
            <div className="flex flex-col gap-3 border-t border-slate-200 px-4 py-4 sm:flex-row sm:items-center sm:justify-between sm:px-6">
              <p className="text-sm text-slate-700">
                {preview.valid === 0
                  ? t("preview.nothingValid")
                  : preview.invalid > 0
                    ? t("preview.invalidSkipped", { invalid: preview.invalid })
                    : null}
              </p>
              <div className="flex flex-wrap gap-2 sm:justify-end">
                <Button type="button" variant="secondary" onClick={clear}>
                  {t("preview.cancel")}
                </Button>
                <Button
                  type="button"
                  disabled={!confirmed || confirmed.valid === 0}
                  busy={start.isPending}
                  onClick={() => start.mutate({ csv: file.text, fileName: file.name.slice(0, 200) })}
                >
                  {t("preview.start", { count: preview.valid })}
                </Button>
              </div>
            </div>
          </Card>
        )}
      </div>
    </div>
  );
}
