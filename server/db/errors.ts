/** Postgres error codes, wherever the driver (node-postgres, PGlite) or drizzle put them in the cause chain. */

/** The SQLSTATE of a database error (looked for along `cause`), or null. */
export function pgErrorCode(error: unknown): string | null {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return null;
}

export function isUniqueViolation(error: unknown): boolean {
  return pgErrorCode(error) === "23505";
}
