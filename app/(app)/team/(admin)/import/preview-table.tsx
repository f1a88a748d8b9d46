"use client";
import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table } from "@/components/ui/table";
import type { ImportPreview } from "@/lib/import/operators-csv";
import { useRowErrorMessage } from "./row-error";

type PreviewRow = ImportPreview["rows"][number];

/** Rows rendered at a time: a 5,000-row file stays responsive; "Mostrar mais" adds the next ones. */
const PAGE = 100;
/** Errors listed above the table on a phone. */
const MOBILE_ERRORS = 10;

/** The file's rows as they will be read: line number, the columns, each error in words beside its cell. */
export default function PreviewTable({ preview }: { preview: ImportPreview }) {
  const t = useTranslations("import");
  const rowError = useRowErrorMessage();
  const [onlyErrors, setOnlyErrors] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const filterId = useId();
  const rows = onlyErrors ? preview.rows.filter((r) => r.errors.length > 0) : preview.rows;
  const shown = rows.slice(0, limit);
  const errorLines = preview.rows.flatMap((r) =>
    r.errors.map((e) => t("errors.line", { line: r.line, message: rowError(e) })),
  );

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3 px-4 sm:px-6">
        <p className="text-sm font-semibold text-slate-900" data-testid="preview-summary">
          <span className="text-brand-800">{t("preview.summaryValid", { valid: preview.valid })}</span>
          {" · "}
          <span className={preview.invalid > 0 ? "text-danger-700" : "text-slate-600"}>
            {t("preview.summaryInvalid", { invalid: preview.invalid })}
          </span>
        </p>
        <div className="flex items-center gap-2">
          <input
            id={filterId}
            type="checkbox"
            className="size-4 rounded border-slate-400 text-brand-700 focus:ring-brand-600"
            checked={onlyErrors}
            disabled={preview.invalid === 0}
            onChange={(e) => {
              setOnlyErrors(e.target.checked);
              setLimit(PAGE);
            }}
          />
          <label htmlFor={filterId} className="text-sm text-slate-800">
            {t("preview.onlyErrors")}
          </label>
        </div>
      </div>
      {errorLines.length > 0 && (
        // Phones see a few columns of the table at a time: the errors are also listed in words here.
        <ul className="flex flex-col gap-1 px-4 text-sm text-danger-700 md:hidden" aria-hidden>
          {errorLines.slice(0, MOBILE_ERRORS).map((text, i) => (
            <li key={i}>{text}</li>
          ))}
          {errorLines.length > MOBILE_ERRORS && (
            <li>{t("preview.moreErrors", { count: errorLines.length - MOBILE_ERRORS })}</li>
          )}
        </ul>
      )}
      <Table
        caption={t("preview.table")}
        frame="flush"
        rows={shown}
        rowKey={(row) => row.line}
        rowProps={(row) => ({
          "data-testid": "preview-row",
          "data-line": row.line,
          "data-invalid": row.errors.length > 0 || undefined,
          className: row.errors.length > 0 ? "bg-danger-50/60" : undefined,
        })}
        empty={t("preview.noRows")}
        columns={[
          {
            key: "line",
            header: t("preview.line"),
            primary: true,
            headerClassName: "w-16",
            className: (row) =>
              clsx(
                "font-mono text-xs sm:border-l-4",
                row.errors.length > 0 ? "border-danger-600 text-danger-700" : "border-transparent text-slate-600",
              ),
            cell: (row) => (
              <span className="font-semibold">
                <span className="sm:hidden">{t("preview.line")} </span>
                {row.line}
              </span>
            ),
          },
          ...preview.columns.map((c) => ({
            key: c,
            header: t(`columns.${c}.label`),
            className: (row: PreviewRow) => (row.errors.some((e) => e.field === c) ? "bg-danger-50" : undefined),
            cell: (row: PreviewRow) => {
              const cellErrors = row.errors.filter((e) => e.field === c);
              const value = row.values[c] ?? "";
              return (
                <>
                  <span
                    className={clsx(
                      "break-words",
                      cellErrors.length > 0 ? "font-medium text-danger-700" : "text-slate-900",
                      !value && "text-slate-400",
                    )}
                  >
                    {value || "—"}
                  </span>
                  {cellErrors.map((e, i) => (
                    <p key={i} className="mt-0.5 text-xs font-medium text-danger-700">
                      {rowError(e)}
                    </p>
                  ))}
                </>
              );
            },
          })),
          {
            key: "status",
            header: t("preview.status"),
            cell: (row) => {
              // Errors not tied to a shown column go to the status cell.
              const loose = row.errors.filter((e) => e.field === null || !preview.columns.includes(e.field));
              return row.errors.length > 0 ? (
                <>
                  <Badge tone="danger" size="sm">
                    {t("preview.rowInvalid")}
                  </Badge>
                  {loose.map((e, i) => (
                    <p key={i} className="mt-0.5 text-xs font-medium text-danger-700">
                      {rowError(e)}
                    </p>
                  ))}
                </>
              ) : (
                <Badge tone="success" size="sm">
                  {t("preview.ok")}
                </Badge>
              );
            },
          },
        ]}
      />
      {rows.length > shown.length && (
        <div className="flex flex-wrap items-center gap-3 px-4 text-sm text-slate-700 sm:px-6">
          <span>{t("preview.showing", { shown: shown.length, total: rows.length })}</span>
          <Button type="button" variant="secondary" onClick={() => setLimit((l) => l + PAGE)}>
            {t("preview.showMore")}
          </Button>
        </div>
      )}
    </div>
  );
}
