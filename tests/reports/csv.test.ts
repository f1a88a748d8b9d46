import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { csvField, formatCsvDate, formatCsvNumber, reportCsv, type CsvHeaders } from "@/lib/reports/csv";
import type { ReportEntry } from "@/lib/reports/types";

const HEADERS: CsvHeaders = {
  number: "Nº do atendimento",
  customer: "Cliente",
  phone: "Telefone",
  started: "Início",
  finished: "Fim",
  durationMinutes: "Duração (min)",
  operators: "Operadores",
  rating: "Avaliação",
  observation: "Comentário",
};

describe("the report CSV", () => {
  it("dates are dd/mm/aaaa hh:mm in Brasília time; decimals use a comma", () => {
    expect(formatCsvDate(Date.parse("2026-01-05T02:07:00Z"))).toBe("04/01/2026 23:07");
    expect(formatCsvDate(null)).toBe("");
    expect(formatCsvNumber(4.5)).toBe("4,5");
    expect(formatCsvNumber(4)).toBe("4");
    expect(formatCsvNumber(12.345, 2)).toBe("12,35");
    expect(formatCsvNumber(null)).toBe("");
  });

  it('quotes what holds ; " or a line break, and disarms formulas', () => {
    expect(csvField("simples")).toBe("simples");
    expect(csvField("a;b")).toBe('"a;b"');
    expect(csvField('disse "ótimo"')).toBe('"disse ""ótimo"""');
    expect(csvField("linha 1\nlinha 2")).toBe('"linha 1\nlinha 2"');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("-2+3")).toBe("'-2+3");
  });

  it("starts with a BOM, separates with ;, and a spreadsheet parser reads back every field", () => {
    const entries: ReportEntry[] = [
      {
        attendanceNumber: 1492,
        customerName: "João Araújo",
        customerPhone: "55 44 99999-8888",
        startTime: Date.parse("2026-03-01T12:00:00Z"),
        endTime: Date.parse("2026-03-01T12:04:30Z"),
        operators: [
          { id: "a", name: "Ana Lima" },
          { id: "b", name: "Bruno Costa" },
        ],
        rating: 5,
        observation: 'Muito bom; "rápido"',
      },
      {
        attendanceNumber: null,
        customerName: null,
        customerPhone: null,
        startTime: null,
        endTime: null,
        operators: [],
        rating: null,
        observation: null,
      },
    ];
    const csv = reportCsv(entries, HEADERS);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ";", skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([
      Object.values(HEADERS),
      [
        "1492",
        "João Araújo",
        "55 44 99999-8888",
        "01/03/2026 09:00",
        "01/03/2026 09:04",
        "4,5",
        "Ana Lima, Bruno Costa",
        "5",
        'Muito bom; "rápido"',
      ],
      ["", "", "", "", "", "", "", "", ""],
    ]);
  });
});
