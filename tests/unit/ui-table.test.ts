/**
 * The kit's Table as the server renders it (before hydration both layouts are in the page): a real
 * table with column headers and a row header, the phone cards with label/value pairs, each row's
 * attributes once (on the table row), and the empty message in both.
 */
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Badge, toneOf } from "@/components/ui/badge";
import { Table, type Column } from "@/components/ui/table";

type Row = { id: string; name: string; active: boolean };
const columns: Array<Column<Row> | false> = [
  { key: "name", header: "Nome", primary: true, cell: (r) => r.name },
  { key: "state", header: "Situação", label: "Status", cell: (r) => (r.active ? "Ativo" : "Inativo") },
  false,
  { key: "actions", header: "Ações", actions: true, cell: (r) => createElement("button", null, `Editar ${r.name}`) },
];
const render = (rows: Row[]) =>
  renderToString(
    createElement(Table<Row>, {
      caption: "Operadores",
      columns,
      rows,
      rowKey: (r) => r.id,
      rowProps: (r) => ({ "data-testid": "operator-row", "data-active": r.active || undefined }),
      empty: "Nenhum operador.",
    }),
  );

describe("Table", () => {
  it("renders a table with headers and row headers, and cards with label/value pairs", () => {
    const html = render([
      { id: "1", name: "Ana", active: true },
      { id: "2", name: "Bia", active: false },
    ]);
    expect(html).toContain('<caption class="sr-only">Operadores</caption>');
    expect(html.match(/<th scope="col"/g)).toHaveLength(3);
    expect(html).toMatch(/<th scope="row"[^>]*>Ana<\/th>/);
    expect(html).toContain('<ul aria-label="Operadores"');
    expect(html).toMatch(/<dt[^>]*>Status<\/dt><dd[^>]*>Inativo<\/dd>/);
    // Each row's attributes once: on the table row until hydration picks the layout.
    expect(html.match(/data-testid="operator-row"/g)).toHaveLength(2);
    expect(html).toMatch(/<tr data-testid="operator-row" data-active="true"/);
    expect(html.match(/Editar Ana/g)).toHaveLength(2);
  });

  it("says the empty message in both layouts", () => {
    const html = render([]);
    expect(html).toMatch(/<td colSpan="3"[^>]*>Nenhum operador.<\/td>/);
    expect(html.match(/Nenhum operador\./g)).toHaveLength(2);
  });
});

describe("Badge", () => {
  it("maps domain states to one closed set of tones", () => {
    expect(toneOf.active(true)).toBe("success");
    expect(toneOf.active(false)).toBe("neutral");
    expect(toneOf.result("failure")).toBe("danger");
    expect(toneOf.provisioning("pending")).toBe("warning");
    expect(toneOf.role("owner")).toBe("brand");
    expect(renderToString(createElement(Badge, { tone: "danger" }, "Falha"))).toContain("bg-danger-50");
  });
});
