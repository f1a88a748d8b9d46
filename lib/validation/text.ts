/**
 * The one rule for text inputs (browser-safe). Every string a procedure, server action or
 * route accepts is built from these helpers, so characters the database cannot store (NUL)
 * or that no person types (other control characters, half of an emoji) are refused at the
 * door with a field error in the user's language — never a database error and a 500.
 *
 *   singleLineText()   names, e-mails, searches, tokens, file names, passwords: refuses every
 *                      C0 control character (tab and line breaks included), DEL and unpaired
 *                      UTF-16 surrogates. Trims by default (a pasted trailing tab or newline
 *                      is whitespace, not an error); `{ trim: false }` for passwords and tokens.
 *   multiLineText()    notes and messages: the same, but tab, line feed and carriage return
 *                      are allowed. Not trimmed (leading indentation may matter).
 *
 * Both return a zod/mini string (the same zod package's tree-shakable API, so the browser's
 * forms carry a few kB of it instead of the whole of zod); further rules compose after them with
 * `.check(z.minLength(), z.maxLength(), z.regex(), z.toLowerCase())` and `z.pipe()`. The server's
 * full zod takes these schemas as they are (both are zod core schemas). The character check runs
 * first, so its message is the one shown when several rules fail. Messages are message-file keys
 * (namespace `validation`).
 */
import { z } from "zod/mini";

/** The message key of a refused character (messages/<locale>/validation.json). */
export const TEXT_INVALID_MESSAGE = "validation.invalidCharacters";

/** C0 controls (U+0000–U+001F) and DEL (U+007F). */
const C0_OR_DEL = /[\u0000-\u001f\u007f]/;
/** The same, minus tab (U+0009), line feed (U+000A) and carriage return (U+000D). */
const C0_OR_DEL_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one (code units, no `u` flag). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when `s` has no C0 control character, no DEL and no unpaired surrogate. */
export function isSingleLineText(s: string): boolean {
  return !C0_OR_DEL.test(s) && !LONE_SURROGATE.test(s);
}

/** True when `s` has no control character other than tab/LF/CR, no DEL and no unpaired surrogate. */
export function isMultiLineText(s: string): boolean {
  return !C0_OR_DEL_BUT_LINE_BREAKS.test(s) && !LONE_SURROGATE.test(s);
}

/** True when the database can store `s` at all: no NUL and no unpaired surrogate (e.g. a webhook's JSON). */
export function isStorableText(s: string): boolean {
  return !s.includes("\u0000") && !LONE_SURROGATE.test(s);
}

/** Replaces what `isSingleLineText` refuses with a space, to quote a refused value back to the user. */
export function visibleText(s: string): string {
  return s.replace(new RegExp(`${C0_OR_DEL.source}|${LONE_SURROGATE.source}`, "g"), " ");
}

export interface TextOptions {
  /** Trim surrounding whitespace before the check (single-line default: true). */
  trim?: boolean;
}

/** A one-line text input: no control characters at all, no DEL, no half surrogate pairs. */
export function singleLineText(options: TextOptions = {}): z.ZodMiniString<string> {
  const base = z.string({ error: "validation.required" });
  return (options.trim === false ? base : base.check(z.trim())).check(
    z.refine(isSingleLineText, { error: TEXT_INVALID_MESSAGE }),
  );
}

/** A multi-line text input: tab, line feed and carriage return allowed; nothing else below U+0020, no DEL, no half pairs. */
export function multiLineText(options: TextOptions = {}): z.ZodMiniString<string> {
  const base = z.string({ error: "validation.required" });
  return (options.trim === true ? base.check(z.trim()) : base).check(
    z.refine(isMultiLineText, { error: TEXT_INVALID_MESSAGE }),
  );
}
