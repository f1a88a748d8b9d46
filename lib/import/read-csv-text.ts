/**
 * The text of a CSV file picked in the browser. Excel's "CSV UTF-8" is UTF-8 with a BOM (the
 * decoder drops it); its plain "CSV" on a Portuguese Windows is Windows-1252, so bytes that are
 * not valid UTF-8 are read as that, instead of turning "João" into "Jo�o".
 */
export async function readCsvText(file: Blob): Promise<string> {
  return decodeCsvBytes(await file.arrayBuffer());
}

export function decodeCsvBytes(bytes: ArrayBuffer | Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}
