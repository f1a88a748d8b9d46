import { describe, expect, it } from "vitest";
import { previewOperatorsCsv } from "@/lib/import/operators-csv";
import { decodeCsvBytes, readCsvText } from "@/lib/import/read-csv-text";

const caps = { operatorEmail: false, departments: true, operatorLogin: true };

describe("reading a picked CSV file", () => {
  it("reads Excel's CSV UTF-8 (with BOM) and gives the preview the accents as typed", async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from("nome;departamentos;admin\r\nJoão Conceição;Cobrança;não\r\n", "utf8"),
    ]);
    const text = await readCsvText(new Blob([bytes]));
    expect(text.startsWith("nome;")).toBe(true);
    const preview = previewOperatorsCsv(text, { caps, departmentNames: ["Cobrança"], existingNames: [] });
    expect(preview.rows[0]).toMatchObject({
      line: 2,
      values: { name: "João Conceição", departments: "Cobrança", admin: "não" },
      errors: [],
    });
  });

  it("reads Excel's plain CSV from a Portuguese Windows (Windows-1252) without mangling accents", async () => {
    // "João;Atenção;não" in Windows-1252: ã = 0xE3, ç = 0xE7.
    const bytes = Buffer.from([
      ...Buffer.from("nome;departamentos;admin\r\nJo"),
      0xe3,
      ...Buffer.from("o;Aten"),
      0xe7,
      0xe3,
      ...Buffer.from("o;n"),
      0xe3,
      ...Buffer.from("o\r\n"),
    ]);
    const text = await readCsvText(new Blob([bytes]));
    expect(text).toBe("nome;departamentos;admin\r\nJoão;Atenção;não\r\n");
    const preview = previewOperatorsCsv(text, { caps, departmentNames: ["Atenção"], existingNames: [] });
    expect(preview).toMatchObject({ valid: 1, invalid: 0 });
  });

  it("keeps valid UTF-8 without a BOM as is", () => {
    expect(decodeCsvBytes(new TextEncoder().encode("nome\nÁgata\n"))).toBe("nome\nÁgata\n");
  });
});
