/**
 * The CSV import's limits, apart from the parser so the import page can show them (and refuse a
 * file that is too big) without downloading papaparse and the row schemas first.
 */
export const IMPORT_MAX_ROWS = 5000;
export const IMPORT_MAX_BYTES = 1_000_000;
/** At most this many departments per operator (the same bound as the operator form). */
export const IMPORT_MAX_DEPARTMENTS = 50;
