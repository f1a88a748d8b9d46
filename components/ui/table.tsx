"use client";
/**
 * The one table: a real <table> from the `sm` breakpoint up, and below it one stacked card per
 * row (a list of label: value pairs) so a phone never scrolls sideways. Only one of the two is ever
 * in the page (a row exists once: its test id, its buttons). The screen width decides in the
 * browser; the server (and hydration) go by PhoneHint, set from the request's user agent, so most
 * phones get their cards on the first paint.
 */
import { clsx } from "clsx";
import { createContext, useContext, useSyncExternalStore } from "react";
import { Button, type ButtonProps } from "./button";

/** A column: its header, how a row fills its cell, and its part in the phone card. */
export interface Column<Row> {
  key: string;
  header: React.ReactNode;
  cell: (row: Row) => React.ReactNode;
  /** The label on the phone card; the header when not given. */
  label?: React.ReactNode;
  /** The row's name: a row header (th scope=row) in the table, the title of the phone card. */
  primary?: boolean;
  /** Row actions: no label on the phone card, they sit at its foot. */
  actions?: boolean;
  /** Classes for the header cell (widths). */
  headerClassName?: string;
  /** Classes for the body cell, or per row. */
  className?: string | ((row: Row) => string | undefined);
}

/** Attributes for a row's element (<tr> or the card's <li>): test ids, data-* flags, a class. */
export type RowProps = { className?: string } & { [data: `data-${string}`]: string | number | boolean | undefined };

export interface TableProps<Row> {
  /** Falsy entries are skipped, so a column can depend on a flag inline. */
  columns: ReadonlyArray<Column<Row> | false | null | undefined>;
  rows: readonly Row[];
  rowKey: (row: Row) => React.Key;
  rowProps?: (row: Row) => RowProps;
  /** Names the table (a visually hidden caption) and the phone list. */
  caption: string;
  /** Shown in place of rows when there are none; nothing when not given (still loading). */
  empty?: React.ReactNode;
  busy?: boolean;
  /** The table's minimum width from `sm` up (it scrolls inside its frame when narrower). */
  minWidth?: string;
  /** "card": the table in a card; "flush": only top and bottom rules (inside another card). */
  frame?: "card" | "flush";
}

const WIDE = "(min-width: 640px)"; // Tailwind's `sm`
type Layout = "table" | "cards";

const PhoneHint = createContext(false);
/** Tells the tables what the server guessed about the screen (a phone's user agent → cards first). */
export function PhoneHintProvider({ phone, children }: { phone: boolean; children?: React.ReactNode }) {
  return <PhoneHint.Provider value={phone}>{children}</PhoneHint.Provider>;
}

function subscribe(onChange: () => void) {
  if (typeof window.matchMedia !== "function") return () => {};
  const media = window.matchMedia(WIDE);
  media.addEventListener("change", onChange);
  return () => media.removeEventListener("change", onChange);
}
const clientLayout = (): Layout =>
  typeof window.matchMedia !== "function" || window.matchMedia(WIDE).matches ? "table" : "cards";

export function Table<Row>({
  columns: given,
  rows,
  rowKey,
  rowProps,
  caption,
  empty,
  busy,
  minWidth = "sm:min-w-[40rem]",
  frame = "card",
}: TableProps<Row>) {
  const phoneHint = useContext(PhoneHint);
  const layout = useSyncExternalStore(subscribe, clientLayout, (): Layout => (phoneHint ? "cards" : "table"));
  const columns = given.filter((c): c is Column<Row> => Boolean(c));
  const cellClass = (c: Column<Row>, row: Row) => (typeof c.className === "function" ? c.className(row) : c.className);
  const isEmpty = rows.length === 0 && empty !== undefined;

  const table = layout === "table" && (
    <div
      className={clsx(
        "overflow-x-auto",
        frame === "card" ? "rounded-card border border-slate-200 bg-white shadow-card" : "border-y border-slate-200",
      )}
      aria-busy={busy || undefined}
    >
      <table className={clsx("w-full text-left text-sm", minWidth)}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={clsx("px-4 py-3 font-semibold", c.headerClassName)}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => {
            const { className, ...data } = rowProps?.(row) ?? {};
            return (
              <tr key={rowKey(row)} {...data} className={className}>
                {columns.map((c) =>
                  c.primary ? (
                    <th key={c.key} scope="row" className={clsx("px-4 py-3 align-top font-normal", cellClass(c, row))}>
                      {c.cell(row)}
                    </th>
                  ) : (
                    <td key={c.key} className={clsx("px-4 py-3 align-top text-slate-800", cellClass(c, row))}>
                      {c.cell(row)}
                    </td>
                  ),
                )}
              </tr>
            );
          })}
          {isEmpty && (
            <tr>
              <td colSpan={columns.length} className="px-4 py-8 text-center text-slate-600">
                {empty}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );

  const primary = columns.filter((c) => c.primary);
  const fields = columns.filter((c) => !c.primary && !c.actions);
  const actions = columns.filter((c) => c.actions);
  const cards = layout === "cards" && (
    <div className={clsx(frame === "flush" && "px-4")} aria-busy={busy || undefined}>
      {isEmpty ? (
        <p className="rounded-card border border-slate-200 bg-white px-4 py-6 text-center text-sm text-slate-600 shadow-card">
          {empty}
        </p>
      ) : (
        <ul aria-label={caption} className="flex flex-col gap-3">
          {rows.map((row) => {
            const { className, ...data } = rowProps?.(row) ?? {};
            return (
              <li
                key={rowKey(row)}
                {...data}
                className={clsx(
                  "flex min-w-0 flex-col gap-3 rounded-card border border-slate-200 bg-white p-4 text-sm shadow-card",
                  className,
                )}
              >
                {primary.map((c) => (
                  <div key={c.key} className={clsx("min-w-0 break-words", cellClass(c, row))}>
                    {c.cell(row)}
                  </div>
                ))}
                {fields.length > 0 && (
                  <dl className="grid grid-cols-[minmax(0,7rem)_minmax(0,1fr)] gap-x-3 gap-y-2">
                    {fields.map((c) => (
                      <div key={c.key} className="contents">
                        <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600">
                          {c.label ?? c.header}
                        </dt>
                        <dd className={clsx("min-w-0 break-words text-slate-800", cellClass(c, row))}>{c.cell(row)}</dd>
                      </div>
                    ))}
                  </dl>
                )}
                {actions.map((c) => (
                  <div key={c.key} className="border-t border-slate-100 pt-3">
                    {c.cell(row)}
                  </div>
                ))}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );

  return (
    <>
      {table}
      {cards}
    </>
  );
}

/** A row's buttons, wrapping on narrow screens. */
export function RowActions({ children }: { children: React.ReactNode }) {
  return <div className="flex flex-wrap gap-1">{children}</div>;
}

/** One quiet row button; `danger` for the ones that take something away. */
export function RowAction({
  danger,
  className,
  ...props
}: Omit<ButtonProps, "variant" | "type"> & { danger?: boolean }) {
  return (
    <Button
      {...props}
      type="button"
      variant="ghost"
      className={clsx("px-2 py-1", danger && "text-danger-700", className)}
    />
  );
}
