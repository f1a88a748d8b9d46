/** The role-code rule (`ZRoleCode`) and the `CDP_ROLE_CODES` parser; the zod-free helpers are in lib/role-codes.ts. */
import { z } from "zod/mini";
import { singleLineText } from "./text";
import { DEFAULT_ROLE_CODES } from "@/lib/role-codes";
import { tooLong } from "@/lib/i18n/rule-message";

export * from "@/lib/role-codes";

/** One role code: not blank, no surrounding spaces, no comma (it separates codes in the list). */
export const ZRoleCode = singleLineText({ trim: false }).check(
  z.regex(/^[^\s,](?:[^,]*[^\s,])?$/, { error: "validation.required" }),
  z.maxLength(64, tooLong(64)),
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
