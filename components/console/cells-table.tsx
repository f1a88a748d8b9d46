"use client";
/**
 * The console's tables: rows already put into words on the server (Server Components format dates,
 * plurals and badges), shown with the kit's Table (cards on phones). Each cell is a node the server
 * rendered; the browser only lays them out.
 */
import { Table, type Column } from "@/components/ui/table";

export interface CellsRow {
  key: string;
  cells: Record<string, React.ReactNode>;
  testId?: string;
}

export function CellsTable({
  caption,
  columns,
  rows,
  empty,
  minWidth,
}: {
  caption: string;
  /** Column keys, headers and roles, in order. */
  columns: Array<{ key: string; header: string; primary?: boolean; actions?: boolean }>;
  rows: CellsRow[];
  empty: string;
  minWidth?: string;
}) {
  const cols: Array<Column<CellsRow>> = columns.map((c) => ({
    key: c.key,
    header: c.header,
    primary: c.primary,
    actions: c.actions,
    cell: (row) => row.cells[c.key],
  }));
  return (
    <Table
      caption={caption}
      columns={cols}
      rows={rows}
      rowKey={(r) => r.key}
      rowProps={(r) => ({ "data-testid": r.testId })}
      empty={empty}
      minWidth={minWidth}
    />
  );
}
