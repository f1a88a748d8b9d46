"use client";
import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ImportPreview } from "@/lib/import/operators-csv";
import { useRowErrorMessage } from "./row-error";

/** Rows rendered at a time: a 5,000-row file stays responsive; "Mostrar mais" adds the next ones. */
const PAGE = 100;
/** Errors listed above the table on a phone. */
const MOBILE_ERRORS = 10;

/** The file's rows as they will be read: line number, the columns, each error in words beside its cell. */
export function PreviewTable({ preview }: { preview: ImportPreview }) {
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
      <div className="overflow-x-auto border-y border-slate-200">
        <table className="w-full min-w-[40rem] text-left text-sm">
          <caption className="sr-only">{t("preview.table")}</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="w-16 px-4 py-3 font-semibold">
                {t("preview.line")}
              </th>
              {preview.columns.map((c) => (
                <th key={c} scope="col" className="px-4 py-3 font-semibold">
                  {t(`columns.${c}.label`)}
                </th>
              ))}
              <th scope="col" className="px-4 py-3 font-semibold">
                {t("preview.status")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.map((row) => {
              const invalid = row.errors.length > 0;
              // Errors not tied to a shown column go to the status cell.
              const loose = row.errors.filter((e) => e.field === null || !preview.columns.includes(e.field));
              return (
                <tr
                  key={row.line}
                  data-testid="preview-row"
                  data-line={row.line}
                  data-invalid={invalid || undefined}
                  className={invalid ? "bg-danger-50/60" : undefined}
                >
                  <th
                    scope="row"
                    className={clsx(
                      "px-4 py-2.5 align-top font-mono text-xs font-semibold",
                      invalid
                        ? "border-l-4 border-danger-600 text-danger-700"
                        : "border-l-4 border-transparent text-slate-600",
                    )}
                  >
                    {row.line}
                  </th>
                  {preview.columns.map((c) => {
                    const cellErrors = row.errors.filter((e) => e.field === c);
                    const value = row.values[c] ?? "";
                    return (
                      <td key={c} className={clsx("px-4 py-2.5 align-top", cellErrors.length > 0 && "bg-danger-50")}>
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
                      </td>
                    );
                  })}
                  <td className="px-4 py-2.5 align-top">
                    {invalid ? (
                      <>
                        <span className="inline-flex rounded-full bg-danger-50 px-2.5 py-0.5 text-xs font-semibold text-danger-700 ring-1 ring-inset ring-danger-600/30">
                          {t("preview.rowInvalid")}
                        </span>
                        {loose.map((e, i) => (
                          <p key={i} className="mt-0.5 text-xs font-medium text-danger-700">
                            {rowError(e)}
                          </p>
                        ))}
                      </>
                    ) : (
                      <span className="inline-flex rounded-full bg-brand-50 px-2.5 py-0.5 text-xs font-semibold text-brand-800">
                        {t("preview.ok")}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
            {shown.length === 0 && (
              <tr>
                <td colSpan={preview.columns.length + 2} className="px-4 py-8 text-center text-slate-600">
                  {t("preview.noRows")}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
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
