/** The CSV operator import's procedure inputs: shared by the import page and the `imports` router. */
import { z } from "zod/mini";
import { IMPORT_MAX_BYTES } from "@/lib/import/operators-csv";
import { singleLineText } from "./text";
import { tooLong } from "@/lib/i18n/rule-message";

/** The file's text (≤ IMPORT_MAX_BYTES characters). */
export const ZImportCsv = z.string().check(z.maxLength(IMPORT_MAX_BYTES, tooLong(IMPORT_MAX_BYTES)));

export const ZImportPreviewInput = z.strictObject({ csv: ZImportCsv });
export type TImportPreviewInput = z.infer<typeof ZImportPreviewInput>;

export const ZImportStartInput = z.strictObject({
  csv: ZImportCsv,
  fileName: z.optional(singleLineText().check(z.maxLength(200, tooLong(200)))),
});
export type TImportStartInput = z.infer<typeof ZImportStartInput>;

export const ZImportJobInput = z.strictObject({ jobId: z.uuid({ error: "validation.invalid" }) });
export type TImportJobInput = z.infer<typeof ZImportJobInput>;

export const ZImportRetryRowInput = z.strictObject({
  jobId: z.uuid({ error: "validation.invalid" }),
  rowId: z.uuid({ error: "validation.invalid" }),
});
export type TImportRetryRowInput = z.infer<typeof ZImportRetryRowInput>;

export const ZImportListInput = z.optional(z.strictObject({}));
