/**
 * Operator role codes of a backend with `operatorRoles` (the CDP gateway). The gateway documents
 * none ("an admin vs agent code"), so the deployment names them in `CDP_ROLE_CODES`
 * (comma-separated, default ADMIN,SUPERVISOR,AGENT). The FIRST code is the administrator's (the
 * signed-in owner's own operator, CSV rows marked admin; an operator with it counts as admin);
 * the LAST is the default of a new operator. Browser-safe: the forms read the list from
 * `provider.capabilities` and label it with `roleLabel`.
 *
 * This module is zod-free (client pages import it); the code rule and the list parser are in
 * lib/validation/role-codes.ts.
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
