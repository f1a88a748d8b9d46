/**
 * The CSV operator import's file format: parsing, per-row validation and the template.
 * Browser-safe (no server imports): the import page previews with it as soon as a file is
 * picked, and `imports.preview` / `imports.start` run the very same code on the server.
 *
 * Format: UTF-8 with or without BOM, `;` (what Brazilian Excel writes) or `,` detected
 * automatically, quoted fields, CRLF or LF, an optional Excel `sep=;` first line. Headers
 * are case/accent-insensitive with Portuguese and English aliases. The columns depend on
 * the provider's capabilities (see `importColumnsFor`).
 *
 * Semantics the page relies on:
 * - `line` is the 1-based line in the file where the record starts (header = 1).
 * - Blank lines are skipped (they are neither valid nor invalid).
 * - A duplicate in the file marks the second and later occurrences, not the first one.
 * - `fileErrors` (missingColumn, unknownColumn, duplicate header, tooManyRows, empty) block
 *   the whole file: `valid` is then 0 and `imports.start` refuses it. With `empty`,
 *   `missingColumn` and `tooManyRows`, `rows` is empty.
 * - `valid` = rows that would be imported; `invalid` = rows with at least one error.
 */
import Papa from "papaparse";
import { z } from "zod/mini";
import { nameKey } from "@/lib/names";
import { ZEmail, ZPersonName } from "@/lib/validation/fields";
import { isSingleLineText, visibleText } from "@/lib/validation/text";
import { IMPORT_MAX_DEPARTMENTS, IMPORT_MAX_ROWS } from "./limits";

export { IMPORT_MAX_BYTES, IMPORT_MAX_DEPARTMENTS, IMPORT_MAX_ROWS } from "./limits";

export type ImportColumn = "name" | "departments" | "admin" | "login" | "email" | "firstName" | "lastName";
export type ImportErrorCode =
  | "required"
  | "tooLong"
  | "badValue"
  | "badCharacters"
  | "badEmail"
  | "unknownDepartment"
  | "duplicateInFile"
  | "alreadyExists"
  | "missingColumn"
  | "unknownColumn"
  | "tooManyRows"
  | "empty";

export interface ImportRowError {
  field: ImportColumn | null;
  code: ImportErrorCode;
  value?: string;
}

export interface PreviewRow {
  /** 1-based line in the file where the record starts; the header is line 1. */
  line: number;
  /** As typed, trimmed; only the file's known columns. */
  values: Partial<Record<ImportColumn, string>>;
  errors: ImportRowError[];
}

export interface ImportPreview {
  /** The recognised columns, in file order. */
  columns: ImportColumn[];
  rows: PreviewRow[];
  fileErrors: ImportRowError[];
  /** Rows that would be imported (0 when there is any file error). */
  valid: number;
  /** Rows with at least one error. */
  invalid: number;
}

export interface ImportCaps {
  operatorEmail: boolean;
  departments: boolean;
  operatorLogin: boolean;
}

export interface ImportContext {
  caps: ImportCaps;
  /** The organization's department names (matched case/accent-insensitively). */
  departmentNames: string[];
  /** Names (or, with `operatorEmail`, e-mails) of the organization's existing operators. */
  existingNames: string[];
}

/** The columns a file may have for this provider, in template order. */
export function importColumnsFor(caps: ImportCaps): ImportColumn[] {
  if (caps.operatorEmail) return ["email", "firstName", "lastName", "admin"];
  const cols: ImportColumn[] = ["name"];
  if (caps.departments) cols.push("departments");
  cols.push("admin");
  if (caps.operatorLogin) cols.push("login");
  return cols;
}

/** Columns that must be present in the header (and filled in every row). */
export function requiredColumnsFor(caps: ImportCaps): ImportColumn[] {
  return caps.operatorEmail ? ["email", "firstName"] : ["name"];
}

/** Lower-case, accents stripped, runs of spaces/punctuation collapsed: "Primeiro Nome" → "primeiro_nome". */
export function normalizeKey(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .trim()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

const ALIASES_PLUGCHAT: Record<string, ImportColumn> = {
  nome: "name",
  name: "name",
  nome_do_operador: "name",
  operador: "name",
  operator: "name",
  departamentos: "departments",
  departamento: "departments",
  departments: "departments",
  department: "departments",
  admin: "admin",
  administrador: "admin",
  administrator: "admin",
  is_admin: "admin",
  isadmin: "admin",
  login: "login",
  usuario: "login",
  user: "login",
  username: "login",
};

const ALIASES_EMAIL: Record<string, ImportColumn> = {
  email: "email",
  e_mail: "email",
  nome: "firstName",
  primeiro_nome: "firstName",
  first_name: "firstName",
  firstname: "firstName",
  sobrenome: "lastName",
  ultimo_nome: "lastName",
  last_name: "lastName",
  lastname: "lastName",
  admin: "admin",
  administrador: "admin",
  administrator: "admin",
  is_admin: "admin",
  isadmin: "admin",
};

/** The header text the template writes for each column (Portuguese, the product's first language). */
const TEMPLATE_HEADER: Record<ImportColumn, string> = {
  name: "nome",
  departments: "departamentos",
  admin: "admin",
  login: "login",
  email: "email",
  firstName: "nome",
  lastName: "sobrenome",
};

/** Which column a header names for this provider, or null. */
export function columnForHeader(header: string, caps: ImportCaps): ImportColumn | null {
  const aliases = caps.operatorEmail ? ALIASES_EMAIL : ALIASES_PLUGCHAT;
  const col = aliases[normalizeKey(header)] ?? null;
  return col && importColumnsFor(caps).includes(col) ? col : null;
}

const TRUE_VALUES = new Set(["sim", "s", "true", "1", "yes", "y"]);
const FALSE_VALUES = new Set(["nao", "n", "false", "0", "no", ""]);

/** sim/não/nao/s/n/true/false/1/0/yes/no (any case/accents); empty = não; otherwise null. */
export function parseAdmin(value: string | undefined): boolean | null {
  const k = normalizeKey(value ?? "");
  if (TRUE_VALUES.has(k)) return true;
  if (FALSE_VALUES.has(k)) return false;
  return null;
}

/** Department names of a cell: separated by `|`, trimmed, empties dropped. */
export function splitDepartments(value: string | undefined): string[] {
  return (value ?? "")
    .split("|")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const ZLogin = z.string().check(z.maxLength(60), z.regex(/^[A-Za-z0-9._@-]*$/));
const ZNamePart = z.string().check(z.minLength(1), z.maxLength(100));

function zodCode(r: z.util.SafeParseResult<unknown>, other: ImportErrorCode): ImportErrorCode | null {
  if (r.success) return null;
  return r.error.issues.some((i) => i.code === "too_big") ? "tooLong" : other;
}

/** What a tooLong error quotes: the limit, so the message can say it ("no máximo 120 caracteres"). */
function limitOf(r: z.util.SafeParseResult<unknown>): string | undefined {
  const big = r.success ? undefined : r.error.issues.find((i) => i.code === "too_big");
  return big && "maximum" in big ? String(big.maximum) : undefined;
}

/** Bound on a single cell we keep, so a pathological file cannot blow up the preview. */
const MAX_CELL = 1000;

function stripBom(text: string): string {
  return text.replace(/^\uFEFF+/, "");
}

/** Parse and validate a CSV for the import. Never throws. */
export function previewOperatorsCsv(text: string, ctx: ImportContext): ImportPreview {
  const { caps } = ctx;
  const fileErrors: ImportRowError[] = [];
  const fail = (): ImportPreview => ({ columns: [], rows: [], fileErrors, valid: 0, invalid: 0 });

  let body = stripBom(text);
  let lineOffset = 0;
  let delimiter: string | undefined;
  const sep = /^sep=(.)\r?\n/i.exec(body);
  if (sep) {
    delimiter = sep[1];
    body = body.slice(sep[0].length);
    lineOffset = 1;
  }

  // Papa's delimiter guess needs blank lines skipped, which would lose line numbers: guess
  // on the first records, then parse record by record with that delimiter.
  delimiter ??= Papa.parse<string[]>(body, {
    preview: 10,
    skipEmptyLines: "greedy",
    delimitersToGuess: [";", ",", "\t"],
  }).meta.delimiter;

  // Parse record by record, keeping each record's starting line (quoted fields may span lines).
  const records: Array<{ line: number; cells: string[] }> = [];
  let tooMany = false;
  let cursor = 0;
  let line = 1 + lineOffset;
  const breakChar = body.includes("\n") ? 10 : 13; // LF / CRLF, or old Mac CR-only files
  Papa.parse<string[]>(body, {
    delimiter,
    skipEmptyLines: false,
    step: (res, parser) => {
      const end = res.meta.cursor;
      const cells = res.data;
      const blank = cells.every((c) => c.trim() === "");
      if (!blank) {
        // The header plus IMPORT_MAX_ROWS data rows; one more means the file is too long.
        if (records.length > IMPORT_MAX_ROWS) {
          tooMany = true;
          parser.abort();
          return;
        }
        records.push({ line, cells: cells.map((c) => c.slice(0, MAX_CELL)) });
      }
      // Papa's cursor is where the next record starts: count the line breaks consumed.
      for (let i = cursor; i < end; i++) if (body.charCodeAt(i) === breakChar) line++;
      cursor = end;
    },
  });

  if (tooMany) {
    fileErrors.push({ field: null, code: "tooManyRows", value: String(IMPORT_MAX_ROWS) });
    return fail();
  }
  if (records.length < 2) {
    fileErrors.push({ field: null, code: "empty" });
    return fail();
  }

  // Header.
  const header = records[0]?.cells ?? [];
  const indexOf = new Map<ImportColumn, number>();
  const columns: ImportColumn[] = [];
  header.forEach((raw, i) => {
    const h = raw.trim();
    if (h === "") return; // a trailing delimiter: Excel writes these
    const col = columnForHeader(h, caps);
    if (!col) {
      fileErrors.push({ field: null, code: "unknownColumn", value: visibleText(h) });
    } else if (indexOf.has(col)) {
      fileErrors.push({ field: col, code: "duplicateInFile", value: visibleText(h) });
    } else {
      indexOf.set(col, i);
      columns.push(col);
    }
  });
  const missing = requiredColumnsFor(caps).filter((c) => !indexOf.has(c));
  for (const c of missing) fileErrors.push({ field: c, code: "missingColumn", value: TEMPLATE_HEADER[c] });
  if (missing.length > 0) return fail();

  // Rows.
  const departmentKeys = new Set(ctx.departmentNames.map(nameKey));
  const existingKeys = new Set(ctx.existingNames.map(nameKey));
  const seenKeys = new Set<string>();
  const seenLogins = new Set<string>();
  const rows: PreviewRow[] = [];

  for (const rec of records.slice(1)) {
    const values: Partial<Record<ImportColumn, string>> = {};
    for (const [col, i] of indexOf) values[col] = (rec.cells[i] ?? "").trim();
    const errors: ImportRowError[] = [];
    const err = (field: ImportColumn, code: ImportErrorCode, value?: string) =>
      errors.push(value === undefined ? { field, code } : { field, code, value });
    // A line break, NUL or another control character (or half of an emoji) inside a cell is never
    // a name, login or e-mail: the text rule of every form (lib/validation/text.ts), as a row error.
    const flagged = new Set<ImportColumn>();
    for (const [col, v] of Object.entries(values) as Array<[ImportColumn, string]>) {
      if (!isSingleLineText(v)) {
        err(col, "badCharacters", visibleText(v));
        flagged.add(col);
      }
    }
    const check = (col: ImportColumn) => indexOf.has(col) && !flagged.has(col);

    if (caps.operatorEmail) {
      const email = values.email ?? "";
      if (!check("email")) {
        /* flagged */
      } else if (email === "") err("email", "required");
      else {
        const parsed = ZEmail.safeParse(email);
        const code = zodCode(parsed, "badEmail");
        if (code) err("email", code, code === "tooLong" ? limitOf(parsed) : email);
        else {
          const key = nameKey(email);
          if (existingKeys.has(key)) err("email", "alreadyExists", email);
          else if (seenKeys.has(key)) err("email", "duplicateInFile", email);
          seenKeys.add(key);
        }
      }
      const first = values.firstName ?? "";
      if (check("firstName")) {
        if (first === "") err("firstName", "required");
        else if (zodCode(ZNamePart.safeParse(first), "badValue"))
          err("firstName", "tooLong", limitOf(ZNamePart.safeParse(first)));
      }
      if (check("lastName") && (values.lastName ?? "").length > 100) err("lastName", "tooLong", "100");
    } else {
      const name = values.name ?? "";
      if (!check("name")) {
        /* flagged */
      } else if (name === "") err("name", "required");
      else {
        const parsed = ZPersonName.safeParse(name);
        const code = zodCode(parsed, "badValue");
        if (code) err("name", code, code === "tooLong" ? limitOf(parsed) : name);
        else {
          const key = nameKey(name);
          if (existingKeys.has(key)) err("name", "alreadyExists", name);
          else if (seenKeys.has(key)) err("name", "duplicateInFile", name);
          seenKeys.add(key);
        }
      }
      if (check("departments")) {
        const names = splitDepartments(values.departments);
        if (names.length > IMPORT_MAX_DEPARTMENTS) err("departments", "tooLong", String(IMPORT_MAX_DEPARTMENTS));
        else {
          const seen = new Set<string>();
          for (const d of names) {
            const k = nameKey(d);
            if (seen.has(k)) continue;
            seen.add(k);
            if (!departmentKeys.has(k)) err("departments", "unknownDepartment", d);
          }
        }
      }
      const login = values.login ?? "";
      if (check("login") && login !== "") {
        const parsed = ZLogin.safeParse(login);
        const code = zodCode(parsed, "badValue");
        if (code) err("login", code, code === "tooLong" ? limitOf(parsed) : login);
        else {
          const k = login.toLowerCase();
          if (seenLogins.has(k)) err("login", "duplicateInFile", login);
          seenLogins.add(k);
        }
      }
    }
    if (check("admin") && parseAdmin(values.admin) === null) err("admin", "badValue", values.admin);

    rows.push({ line: rec.line, values, errors });
  }

  const invalid = rows.filter((r) => r.errors.length > 0).length;
  return {
    columns,
    rows,
    fileErrors,
    valid: fileErrors.length > 0 ? 0 : rows.length - invalid,
    invalid,
  };
}

/** A valid row turned into what the import job stores and provisions. */
export interface ImportRowValues {
  name: string;
  departmentNames: string[];
  isAdmin: boolean;
  login?: string;
  email?: string;
  firstName?: string;
  lastName?: string;
}

/** The typed values of a row without errors (call only on rows whose `errors` is empty). */
export function rowToValues(row: PreviewRow, caps: ImportCaps): ImportRowValues {
  const v = row.values;
  const isAdmin = parseAdmin(v.admin) ?? false;
  if (caps.operatorEmail) {
    const firstName = v.firstName ?? "";
    const lastName = v.lastName ?? "";
    return {
      name: [firstName, lastName].filter(Boolean).join(" "),
      departmentNames: [],
      isAdmin,
      email: (v.email ?? "").toLowerCase(),
      firstName,
      ...(lastName ? { lastName } : {}),
    };
  }
  return {
    name: v.name ?? "",
    departmentNames: splitDepartments(v.departments),
    isAdmin,
    ...(v.login ? { login: v.login } : {}),
  };
}

function csvCell(s: string): string {
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A template to download: a UTF-8 BOM (so Excel shows accents), the header and 2 example
 * rows, `;`-separated, CRLF. Give the organization's department names to use real ones.
 */
export function templateCsv(caps: ImportCaps, departmentNames: string[] = []): string {
  const cols = importColumnsFor(caps);
  const d1 = departmentNames[0] ?? "Vendas";
  const d2 = departmentNames[1] ?? "Suporte";
  const examples: Array<Partial<Record<ImportColumn, string>>> = caps.operatorEmail
    ? [
        { email: "maria.souza@exemplo.com.br", firstName: "Maria", lastName: "Souza", admin: "não" },
        { email: "joao.lima@exemplo.com.br", firstName: "João", lastName: "Lima", admin: "sim" },
      ]
    : [
        { name: "Maria Souza", departments: d1, admin: "não", login: "maria.souza" },
        { name: "João Lima", departments: `${d1}|${d2}`, admin: "sim", login: "" },
      ];
  const lines = [
    cols.map((c) => TEMPLATE_HEADER[c]).join(";"),
    ...examples.map((e) => cols.map((c) => csvCell(e[c] ?? "")).join(";")),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
