"use client";
import { clsx } from "clsx";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { preloadOn } from "@/components/ui/lazy";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "@/lib/import/limits";
import { readCsvText } from "@/lib/import/read-csv-text";

export interface LoadedFile {
  name: string;
  text: string;
}

function looksLikeCsv(file: File): boolean {
  return /\.csv$/i.test(file.name) || file.type === "text/csv";
}

/**
 * A drop zone that is also the file picker's label (click, keyboard or drag-and-drop). Pointing
 * at it or focusing it warms `warm` (the parser), so the preview is quick once a file is chosen.
 */
export function FileDrop({
  fileName,
  onFile,
  onClear,
  warm,
}: {
  fileName: string | null;
  onFile: (file: LoadedFile) => void | Promise<void>;
  onClear: () => void;
  warm: { preload: () => Promise<unknown> };
}) {
  const t = useTranslations("import.file");
  const tHow = useTranslations("import.howTo");
  const format = useFormatter();
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const megabytes = (bytes: number) =>
    format.number(bytes / 1_000_000, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 });

  const take = async (files: FileList | null) => {
    setError(null);
    if (!files || files.length === 0) return;
    if (files.length > 1) return setError(t("oneFile"));
    const file = files[0]!;
    if (!looksLikeCsv(file)) return setError(t("notCsv", { name: file.name }));
    if (file.size > IMPORT_MAX_BYTES)
      return setError(t("tooBig", { name: file.name, size: megabytes(file.size), max: megabytes(IMPORT_MAX_BYTES) }));
    try {
      const text = await readCsvText(file);
      void onFile({ name: file.name, text });
    } catch {
      setError(t("unreadable", { name: file.name }));
    }
  };

  return (
    <div className="flex flex-col gap-3">
      <label
        htmlFor={inputId}
        {...preloadOn(warm)}
        onDragEnter={() => void warm.preload().catch(() => undefined)}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void take(e.dataTransfer.files);
        }}
        data-testid="csv-drop-zone"
        className={clsx(
          "flex cursor-pointer flex-col items-center justify-center gap-2 rounded-card border-2 border-dashed px-4 py-10 text-center transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600/40",
          dragging
            ? "border-brand-600 bg-brand-50"
            : error
              ? "border-danger-600/60 bg-danger-50/40"
              : "border-slate-300 bg-slate-50 hover:border-brand-600 hover:bg-brand-50/50",
        )}
      >
        <input
          ref={input}
          id={inputId}
          type="file"
          accept=".csv,text/csv"
          className="sr-only"
          aria-label={t("label")}
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            void take(e.target.files);
            // The same file picked again (after fixing it) must fire a change too.
            e.target.value = "";
          }}
        />
        <svg
          aria-hidden
          viewBox="0 0 24 24"
          className="size-9 text-brand-700"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
        >
          <path
            d="M12 16V4m0 0-4 4m4-4 4 4M4 16v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        <span className="text-base font-semibold text-slate-900">{dragging ? t("dropHere") : t("drop")}</span>
        <span className="text-sm text-slate-700">
          {t("or")} <span className="font-semibold text-brand-700 underline underline-offset-2">{t("choose")}</span>
        </span>
        <span id={hintId} className="text-xs text-slate-600">
          {tHow("limits", { rows: format.number(IMPORT_MAX_ROWS), size: megabytes(IMPORT_MAX_BYTES) })}
        </span>
      </label>
      {error && (
        <p id={errorId} role="alert" className="text-sm font-medium text-danger-700">
          {error}
        </p>
      )}
      {fileName && (
        <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
          <span className="min-w-0 truncate font-medium text-slate-800" data-testid="csv-file-name">
            {t("selected", { name: fileName })}
          </span>
          <Button
            type="button"
            variant="ghost"
            className="px-2 py-1"
            onClick={() => {
              onClear();
              input.current?.click();
            }}
          >
            {t("change")}
          </Button>
        </div>
      )}
    </div>
  );
}
