/**
 * "The same name", once, for departments and operators: case- and accent-insensitive, trimmed,
 * inner whitespace collapsed ("  joão   CONCEIÇÃO " ≡ "Joao Conceicao"). Browser-safe.
 * The database applies the same rule with `name_key()` (drizzle/0005_name_key.sql) in its
 * unique index on departments and in the operator name guard; tests/unit/name-key.test.ts
 * checks that both agree on Latin/Portuguese letters.
 */
export function nameKey(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .trim()
    .replace(/\s+/g, " ");
}

/** Two names that the portal treats as one (see `nameKey`). */
export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}
