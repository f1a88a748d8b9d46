import { describe, expect, it } from "vitest";
import {
  IMPORT_MAX_ROWS,
  importColumnsFor,
  parseAdmin,
  previewOperatorsCsv,
  rowToValues,
  splitDepartments,
  templateCsv,
  type ImportContext,
} from "@/lib/import/operators-csv";

const PLUGCHAT = { operatorEmail: false, departments: true, operatorLogin: true };
const CDP = { operatorEmail: true, departments: false, operatorLogin: false };
const ctx: ImportContext = {
  caps: PLUGCHAT,
  departmentNames: ["Vendas", "Suporte Técnico"],
  existingNames: ["Ana Existente"],
};
const cdpCtx: ImportContext = { caps: CDP, departmentNames: [], existingNames: ["ja@exemplo.com"] };

const codes = (p: ReturnType<typeof previewOperatorsCsv>, i: number) =>
  p.rows[i]!.errors.map((e) => `${e.field}:${e.code}`);

describe("previewOperatorsCsv — format", () => {
  it("reads a ;-separated file with BOM and CRLF, Portuguese headers in any case/accents", () => {
    const p = previewOperatorsCsv(
      "\uFEFFNOME;Departamentos;Admin;Login\r\nMaria Souza;vendas|SUPORTE TECNICO;Sim;maria.s\r\n",
      ctx,
    );
    expect(p.fileErrors).toEqual([]);
    expect(p.columns).toEqual(["name", "departments", "admin", "login"]);
    expect(p.rows).toEqual([
      {
        line: 2,
        values: { name: "Maria Souza", departments: "vendas|SUPORTE TECNICO", admin: "Sim", login: "maria.s" },
        errors: [],
      },
    ]);
    expect(p.valid).toBe(1);
    expect(p.invalid).toBe(0);
  });

  it("reads a ,-separated file with English headers and LF", () => {
    const p = previewOperatorsCsv("name,departments,admin,login\nJohn Smith,Vendas,no,\nJane Roe,,yes,jane\n", ctx);
    expect(p.fileErrors).toEqual([]);
    expect(p.rows.map((r) => r.values.name)).toEqual(["John Smith", "Jane Roe"]);
    expect(p.valid).toBe(2);
  });

  it("keeps quoted fields with the delimiter and escaped quotes, and counts lines across a quoted line break", () => {
    const csv = 'nome;departamentos\r\n"Souza; Maria ""Má""";Vendas\r\n\r\n"Lima\r\nJoão";\r\nPedro Alves;\r\n';
    const p = previewOperatorsCsv(csv, ctx);
    expect(p.rows[0]!.values.name).toBe('Souza; Maria "Má"');
    expect(p.rows[0]!.line).toBe(2);
    expect(p.rows[0]!.errors).toEqual([]);
    // Blank line 3 is skipped; the quoted break makes "Lima\nJoão" a name with a forbidden character on line 4.
    expect(p.rows[1]!.line).toBe(4);
    expect(codes(p, 1)).toEqual(["name:badCharacters"]);
    expect(p.rows[2]).toMatchObject({ line: 6, values: { name: "Pedro Alves" }, errors: [] });
    expect(p.valid).toBe(2);
    expect(p.invalid).toBe(1);
  });

  it("honours an Excel sep= line", () => {
    const p = previewOperatorsCsv("sep=,\nnome,admin\nMaria Souza,não\n", ctx);
    expect(p.fileErrors).toEqual([]);
    expect(p.rows).toEqual([{ line: 3, values: { name: "Maria Souza", admin: "não" }, errors: [] }]);
  });

  it("accepts a single-column file and a trailing delimiter", () => {
    expect(previewOperatorsCsv("nome\nMaria Souza\n", ctx).valid).toBe(1);
    const p = previewOperatorsCsv("nome;admin;\nMaria Souza;n;\n", ctx);
    expect(p.fileErrors).toEqual([]);
    expect(p.valid).toBe(1);
  });
});

describe("previewOperatorsCsv — file errors", () => {
  it("empty file, header only and blank lines only are `empty`", () => {
    for (const t of ["", "\uFEFF", "nome;admin\r\n", "\r\n\r\n"]) {
      const p = previewOperatorsCsv(t, ctx);
      expect(p.fileErrors).toEqual([{ field: null, code: "empty" }]);
      expect(p.valid).toBe(0);
    }
  });

  it("a missing required column", () => {
    const p = previewOperatorsCsv("departamentos;admin\nVendas;sim\n", ctx);
    expect(p.fileErrors).toEqual([{ field: "name", code: "missingColumn", value: "nome" }]);
    expect(p.rows).toEqual([]);
  });

  it("an unknown column blocks the file but rows are still shown", () => {
    const p = previewOperatorsCsv("nome;observações\nMaria Souza;oi\n", ctx);
    expect(p.fileErrors).toEqual([{ field: null, code: "unknownColumn", value: "observações" }]);
    expect(p.rows).toHaveLength(1);
    expect(p.valid).toBe(0);
  });

  it("a repeated header", () => {
    const p = previewOperatorsCsv("nome;name\nMaria Souza;x\n", ctx);
    expect(p.fileErrors).toEqual([{ field: "name", code: "duplicateInFile", value: "name" }]);
    expect(p.valid).toBe(0);
  });

  it(`${IMPORT_MAX_ROWS} rows pass, one more is tooManyRows`, () => {
    const rows = (n: number) => ["nome", ...Array.from({ length: n }, (_, i) => `Operador ${i}`)].join("\n");
    const ok = previewOperatorsCsv(rows(IMPORT_MAX_ROWS), ctx);
    expect(ok.fileErrors).toEqual([]);
    expect(ok.valid).toBe(IMPORT_MAX_ROWS);
    const tooMany = previewOperatorsCsv(rows(IMPORT_MAX_ROWS + 1), ctx);
    expect(tooMany.fileErrors).toEqual([{ field: null, code: "tooManyRows", value: String(IMPORT_MAX_ROWS) }]);
    expect(tooMany.rows).toEqual([]);
    expect(tooMany.valid).toBe(0);
  });

  it("PlugChat-only headers are unknown on an e-mail provider and vice versa", () => {
    expect(previewOperatorsCsv("email;nome;login\na@b.com;A\n", cdpCtx).fileErrors).toEqual([
      { field: null, code: "unknownColumn", value: "login" },
    ]);
    expect(previewOperatorsCsv("nome;email\nMaria Souza;a@b.com\n", ctx).fileErrors).toEqual([
      { field: null, code: "unknownColumn", value: "email" },
    ]);
  });
});

describe("previewOperatorsCsv — row errors (PlugChat)", () => {
  const head = "nome;departamentos;admin;login\n";

  it("required, tooLong and badValue names", () => {
    const p = previewOperatorsCsv(`${head};Vendas;;\n${"x".repeat(121)};;;\nA;;;\n`, ctx);
    expect(codes(p, 0)).toEqual(["name:required"]);
    expect(codes(p, 1)).toEqual(["name:tooLong"]);
    expect(p.rows[2]!.errors).toEqual([{ field: "name", code: "badValue", value: "A" }]);
    expect(p.invalid).toBe(3);
    expect(p.valid).toBe(0);
  });

  it("unknown departments, one error per unknown name", () => {
    const p = previewOperatorsCsv(`${head}Maria Souza;Vendas|Financeiro|Logística| |financeiro;;\n`, ctx);
    expect(p.rows[0]!.errors).toEqual([
      { field: "departments", code: "unknownDepartment", value: "Financeiro" },
      { field: "departments", code: "unknownDepartment", value: "Logística" },
    ]);
  });

  it("duplicate names in the file mark the later rows only (case/accents ignored)", () => {
    const p = previewOperatorsCsv(`${head}João Lima;;;\nJoao  LIMA;;;\nMaria Souza;;;\njoão lima;;;\n`, ctx);
    expect(p.rows.map((r) => r.errors.map((e) => e.code))).toEqual([[], ["duplicateInFile"], [], ["duplicateInFile"]]);
    expect(p.rows[1]!.errors[0]).toEqual({ field: "name", code: "duplicateInFile", value: "Joao  LIMA" });
    expect(p.valid).toBe(2);
  });

  it("alreadyExists for an operator the organization already has", () => {
    const p = previewOperatorsCsv(`${head}ana existente;;;\n`, ctx);
    expect(p.rows[0]!.errors).toEqual([{ field: "name", code: "alreadyExists", value: "ana existente" }]);
  });

  it("admin values", () => {
    for (const v of ["sim", "SIM", "s", "true", "1", "yes", "Não", "nao", "n", "false", "0", "no", ""]) {
      expect(previewOperatorsCsv(`${head}Maria Souza;;${v};\n`, ctx).valid).toBe(1);
    }
    expect(previewOperatorsCsv(`${head}Maria Souza;;talvez;\n`, ctx).rows[0]!.errors).toEqual([
      { field: "admin", code: "badValue", value: "talvez" },
    ]);
    expect(parseAdmin("Sím")).toBe(true);
    expect(parseAdmin("NÃO")).toBe(false);
    expect(parseAdmin(undefined)).toBe(false);
    expect(parseAdmin("maybe")).toBeNull();
  });

  it("logins: bad characters, too long, duplicate in file", () => {
    const p = previewOperatorsCsv(
      `${head}Maria Souza;;;maria souza\nJoão Lima;;;${"a".repeat(61)}\nPedro Alves;;;pedro\nPaula Alves;;;PEDRO\n`,
      ctx,
    );
    expect(p.rows[0]!.errors).toEqual([{ field: "login", code: "badValue", value: "maria souza" }]);
    expect(codes(p, 1)).toEqual(["login:tooLong"]);
    expect(codes(p, 2)).toEqual([]);
    expect(p.rows[3]!.errors).toEqual([{ field: "login", code: "duplicateInFile", value: "PEDRO" }]);
  });

  it("several errors on one row", () => {
    const p = previewOperatorsCsv(`${head};Nope;talvez;a b\n`, ctx);
    expect(codes(p, 0)).toEqual(["name:required", "departments:unknownDepartment", "login:badValue", "admin:badValue"]);
  });
});

describe("previewOperatorsCsv — CDP columns", () => {
  it("email + nome/sobrenome (Portuguese) or first_name/last_name (English)", () => {
    const pt = previewOperatorsCsv("E-mail;Nome;Sobrenome;Admin\nmaria@exemplo.com;Maria;Souza;sim\n", cdpCtx);
    expect(pt.fileErrors).toEqual([]);
    expect(pt.columns).toEqual(["email", "firstName", "lastName", "admin"]);
    expect(pt.rows[0]!.values).toEqual({
      email: "maria@exemplo.com",
      firstName: "Maria",
      lastName: "Souza",
      admin: "sim",
    });
    const en = previewOperatorsCsv("email,first_name,last_name\njohn@example.com,John,\n", cdpCtx);
    expect(en.valid).toBe(1);
    expect(rowToValues(en.rows[0]!, CDP)).toEqual({
      name: "John",
      departmentNames: [],
      isAdmin: false,
      email: "john@example.com",
      firstName: "John",
    });
  });

  it("missing email column; required/badEmail/tooLong/duplicate/alreadyExists", () => {
    expect(previewOperatorsCsv("nome\nMaria\n", cdpCtx).fileErrors).toEqual([
      { field: "email", code: "missingColumn", value: "email" },
    ]);
    const p = previewOperatorsCsv(
      `email;nome;sobrenome\n;Maria;\nnot-an-email;Maria;\nA@x.com;${"n".repeat(101)};\na@x.com;Ana;\nJA@exemplo.com;Já;\nb@x.com;;${"s".repeat(101)}\n`,
      cdpCtx,
    );
    expect(codes(p, 0)).toEqual(["email:required"]);
    expect(p.rows[1]!.errors).toEqual([{ field: "email", code: "badEmail", value: "not-an-email" }]);
    expect(codes(p, 2)).toEqual(["firstName:tooLong"]);
    expect(p.rows[3]!.errors).toEqual([{ field: "email", code: "duplicateInFile", value: "a@x.com" }]);
    expect(p.rows[4]!.errors).toEqual([{ field: "email", code: "alreadyExists", value: "JA@exemplo.com" }]);
    expect(codes(p, 5)).toEqual(["firstName:required", "lastName:tooLong"]);
  });
});

describe("columns, values and template", () => {
  it("importColumnsFor follows the capabilities", () => {
    expect(importColumnsFor(PLUGCHAT)).toEqual(["name", "departments", "admin", "login"]);
    expect(importColumnsFor({ operatorEmail: false, departments: false, operatorLogin: false })).toEqual([
      "name",
      "admin",
    ]);
    expect(importColumnsFor(CDP)).toEqual(["email", "firstName", "lastName", "admin"]);
  });

  it("rowToValues types a PlugChat row", () => {
    const p = previewOperatorsCsv(
      "nome;departamentos;admin;login\nMaria Souza; Vendas | Suporte Técnico ;s;maria\n",
      ctx,
    );
    expect(rowToValues(p.rows[0]!, PLUGCHAT)).toEqual({
      name: "Maria Souza",
      departmentNames: ["Vendas", "Suporte Técnico"],
      isAdmin: true,
      login: "maria",
    });
    expect(splitDepartments("a||b| ")).toEqual(["a", "b"]);
  });

  it("the template is a BOM + ;-separated file that previews without errors", () => {
    for (const caps of [PLUGCHAT, CDP]) {
      const t = templateCsv(caps, ["Vendas", "Suporte Técnico"]);
      expect(t.startsWith("\uFEFF")).toBe(true);
      expect(t.split("\r\n")[0]).toContain(";");
      const p = previewOperatorsCsv(t, { ...ctx, caps, existingNames: [] });
      expect(p.fileErrors).toEqual([]);
      expect(p.columns).toEqual(importColumnsFor(caps));
      expect(p.rows).toHaveLength(2);
      expect(p.valid).toBe(2);
    }
  });
});
