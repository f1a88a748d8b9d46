/** Output shapes of the `imports` router (the import contract). */
import { z } from "zod";

const ZColumn = z.enum(["name", "departments", "admin", "login", "email", "firstName", "lastName"]);
const ZRowError = z.object({
  field: ZColumn.nullable(),
  code: z.enum([
    "required",
    "tooLong",
    "badValue",
    "badCharacters",
    "badEmail",
    "unknownDepartment",
    "duplicateInFile",
    "alreadyExists",
    "missingColumn",
    "unknownColumn",
    "tooManyRows",
    "empty",
  ]),
  value: z.string().optional(),
});

export const ZImportPreviewOutput = z.object({
  columns: z.array(ZColumn),
  rows: z.array(
    z.object({ line: z.number(), values: z.partialRecord(ZColumn, z.string()), errors: z.array(ZRowError) }),
  ),
  fileErrors: z.array(ZRowError),
  valid: z.number(),
  invalid: z.number(),
});

export const ZImportJobSummary = z.object({
  id: z.string(),
  status: z.enum(["running", "done"]),
  fileName: z.string().nullable(),
  total: z.number(),
  done: z.number(),
  failed: z.number(),
  remaining: z.number(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
});

export const ZImportJobDetail = ZImportJobSummary.extend({
  failedRows: z.array(
    z.object({
      rowId: z.string(),
      line: z.number(),
      name: z.string(),
      error: z.object({ code: z.string(), message: z.string().nullable() }),
    }),
  ),
});
