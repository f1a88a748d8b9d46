/**
 * Operator role codes of a backend with `operatorRoles` (the CDP gateway). The gateway documents
 * none ("an admin vs agent code"), so the deployment names them in `CDP_ROLE_CODES`
 * (comma-separated, default ADMIN,SUPERVISOR,AGENT). The FIRST code is the administrator's (the
 * signed-in owner's own operator, CSV rows marked admin; an operator with it counts as admin);
 * the LAST is the default of a new operator. Browser-safe: the forms read the list from
 * `provider.capabilities` and label it with `roleLabel` (lib/role-codes.ts, no zod).
 */
import { z } from "zod/mini";
import { DEFAULT_ROLE_CODES } from "@/lib/role-codes";
import { singleLineText } from "./text";

// The zod-free helpers, re-exported for the server code that reads them from here.
export {
  DEFAULT_ROLE_CODES,
  LABELLED_ROLE_CODES,
  adminRoleOf,
  defaultRoleOf,
  roleFor,
  roleLabel,
} from "@/lib/role-codes";

/** One role code: not blank, no surrounding spaces, no comma (it separates codes in the list). */
export const ZRoleCode = singleLineText({ trim: false }).check(
  z.regex(/^[^\s,](?:[^,]*[^\s,])?$/, { error: "validation.required" }),
  z.maxLength(64, { error: "validation.tooLong" }),
);

/**
 * "OWNER, AGENT" → ["OWNER", "AGENT"] (each code trimmed). Unset or blank → the defaults. Throws,
 * naming `name`, on an empty entry ("A,,B"), a code over 64 characters or a repeated code.
 */
export function parseRoleCodes(spec: string | undefined, name = "CDP_ROLE_CODES"): string[] {
  if (spec === undefined || spec.trim() === "") return [...DEFAULT_ROLE_CODES];
  const codes = spec.split(",").map((c) => c.trim());
  for (const code of codes) {
    if (!ZRoleCode.safeParse(code).success)
      throw new Error(`${name}: "${code}" is not a role code (comma-separated, none empty, ≤ 64 characters)`);
  }
  const repeated = codes.find((c, i) => codes.indexOf(c) !== i);
  if (repeated !== undefined) throw new Error(`${name}: "${repeated}" is listed twice`);
  return codes;
}
