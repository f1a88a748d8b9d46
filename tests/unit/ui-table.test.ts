/**
 * The kit's Table as the server renders it: a real table with column headers and a row header, or,
 * when the request looked like a phone's, cards with label/value pairs; never both, so a row exists once.
 */
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Badge, toneOf } from "@/components/ui/badge";
import { PhoneHintProvider, Table, type Column } from "@/components/ui/table";

type Row = { id: string; name: string; active: boolean };
const columns: Array<Column<Row> | false> = [
  { key: "name", header: "Nome", primary: true, cell: (r) => r.name },
  { key: "state", header: "Situação", label: "Status", cell: (r) => (r.active ? "Ativo" : "Inativo") },
  false,
  { key: "actions", header: "Ações", actions: true, cell: (r) => createElement("button", null, `Editar ${r.name}`) },
];
const render = (rows: Row[], phone = false) =>
  renderToString(
    createElement(
      PhoneHintProvider,
      { phone },
      createElement(Table<Row>, {
        caption: "Operadores",
        columns,
        rows,
        rowKey: (r) => r.id,
        rowProps: (r) => ({ "data-testid": "operator-row", "data-active": r.active || undefined }),
        empty: "Nenhum operador.",
      }),
    ),
  );
const rows = [
  { id: "1", name: "Ana", active: true },
  { id: "2", name: "Bia", active: false },
];

describe("Table", () => {
  it("renders a table with column headers and row headers, and no cards", () => {
    const html = render(rows);
    expect(html).toContain('<caption class="sr-only">Operadores</caption>');
    expect(html.match(/<th scope="col"/g)).toHaveLength(3);
    expect(html).toMatch(/<th scope="row"[^>]*>Ana<\/th>/);
    expect(html).toMatch(/<tr data-testid="operator-row" data-active="true"/);
    expect(html.match(/data-testid="operator-row"/g)).toHaveLength(2);
    expect(html.match(/Editar Ana/g)).toHaveLength(1);
    expect(html).not.toContain("<ul");
  });

  it("renders cards with label/value pairs for a phone, and no table", () => {
    const html = render(rows, true);
    expect(html).toContain('<ul aria-label="Operadores"');
    expect(html).toMatch(/<dt[^>]*>Status<\/dt><dd[^>]*>Inativo<\/dd>/);
    expect(html).toMatch(/<li data-testid="operator-row" data-active="true"/);
    expect(html.match(/data-testid="operator-row"/g)).toHaveLength(2);
    expect(html.match(/Editar Ana/g)).toHaveLength(1);
    expect(html).not.toContain("<table");
  });

  it("says the empty message", () => {
    expect(render([])).toMatch(/<td colSpan="3"[^>]*>Nenhum operador.<\/td>/);
    expect(render([], true)).toContain("Nenhum operador.");
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
