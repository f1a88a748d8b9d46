"use client";
/**
 * The kit's Table for rows that are only texts: Server Components build the rows (already
 * formatted, in the person's language) and hand them over as plain data, since a column's `cell`
 * function cannot cross from the server to the browser.
 */
import { Table, type TableProps } from "./table";

export interface TextColumn {
  key: string;
  header: string;
  /** The row's name (a row header; the phone card's title). */
  primary?: boolean;
  /** Numbers: aligned right in the table. */
  numeric?: boolean;
}

export interface TextRow {
  key: string;
  cells: Record<string, string>;
  /** data-testid of the row (the <tr> or the phone card). */
  testId?: string;
}

export function TextTable({
  columns,
  rows,
  ...props
}: {
  columns: readonly TextColumn[];
  rows: readonly TextRow[];
} & Pick<TableProps<TextRow>, "caption" | "empty" | "minWidth" | "frame">) {
  return (
    <Table<TextRow>
      {...props}
      rows={rows}
      rowKey={(row) => row.key}
      rowProps={(row) => (row.testId ? { "data-testid": row.testId } : {})}
      columns={columns.map((c) => ({
        key: c.key,
        header: c.header,
        primary: c.primary,
        cell: (row: TextRow) => row.cells[c.key] ?? "",
        headerClassName: c.numeric ? "sm:text-right" : undefined,
        className: c.numeric ? "sm:text-right tabular-nums" : undefined,
      }))}
    />
  );
}
