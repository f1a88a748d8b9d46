/**
 * Operator role codes, browser-safe and without zod: pages that only show roles (the operators
 * table) import this, so the form validation chunk stays out of their first download (issue 13).
 * Parsing and validating the codes lives in lib/validation/role-codes.ts.
 */
export const DEFAULT_ROLE_CODES = ["ADMIN", "SUPERVISOR", "AGENT"] as const;

/** Codes with a translated label (`roles.<CODE>` in the messages); any other is shown as itself. */
export const LABELLED_ROLE_CODES: readonly string[] = DEFAULT_ROLE_CODES;

/** The administrator's code: the list's first. */
export function adminRoleOf(codes: readonly string[]): string {
  return codes[0] ?? DEFAULT_ROLE_CODES[0];
}

/** A new operator's code: the list's last. */
export function defaultRoleOf(codes: readonly string[]): string {
  return codes.at(-1) ?? DEFAULT_ROLE_CODES[2];
}

/** A role's label: the translated one for a known code (`t("roles.ADMIN")`), else the code itself. */
export function roleLabel(code: string, t: (key: `roles.${(typeof DEFAULT_ROLE_CODES)[number]}`) => string): string {
  return (LABELLED_ROLE_CODES as readonly string[]).includes(code)
    ? t(`roles.${code as (typeof DEFAULT_ROLE_CODES)[number]}`)
    : code;
}

/** An admin flag → a code: the administrator's for admins, else the default. */
export function roleFor(isAdmin: boolean, codes: readonly string[]): string {
  return isAdmin ? adminRoleOf(codes) : defaultRoleOf(codes);
}
