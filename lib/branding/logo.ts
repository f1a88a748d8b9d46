/**
 * The integrator's logo: what the console accepts (browser-safe; the form checks a file before
 * sending it and the procedure checks it again). The type is read from the bytes, never from the
 * file name or the browser's guess: PNG and JPEG by their signatures, SVG by its text — and an
 * SVG is refused when it could run or load anything (scripts, event handlers, foreign content,
 * external references, entity declarations). The route that serves it adds a sandboxing CSP too.
 */

import { ruleMessage } from "@/lib/i18n/rule-message";

/** 200 kB. */
export const LOGO_MAX_BYTES = 200 * 1024;

export type LogoType = "image/png" | "image/jpeg" | "image/svg+xml";

/** Why a file is refused (keys of messages/<locale>/validation.json, under `logo…`). */
export type LogoProblem = "empty" | "tooLarge" | "type" | "svgUnsafe";

export type LogoCheck = { ok: true; type: LogoType } | { ok: false; problem: LogoProblem };

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/** Elements that run code or embed other documents. */
const UNSAFE_ELEMENT = /<\s*([\w.-]+:)?(script|foreignobject|iframe|embed|object|handler|listener|animate|set)\b/i;
/** on…= event handler attributes. */
const EVENT_HANDLER = /[\s"'/]on[a-z]+\s*=/i;
/** A reference that is not a fragment (#id) nor an embedded raster image. */
const EXTERNAL_REFERENCE = /\bhref\s*=\s*["']\s*(?=[^\s#])(?!data:image\/(png|jpeg|gif|webp);)/i;
/** Script URLs, entity declarations, style imports and url() that is not a fragment. */
const UNSAFE_TEXT = /javascript:|<!doctype|<!entity|@import|url\(\s*["']?\s*(?=[^\s"'#])/i;

/** The SVG's text when it is one (an optional BOM, XML declaration and comments, then `<svg`). */
function svgText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  const head = text
    .replace(/^\uFEFF/, "")
    .replace(/^\s*<\?xml[^>]*\?>/i, "")
    .replace(/^(\s*<!--[\s\S]*?-->)*/, "")
    .trimStart();
  return /^<svg[\s>]/i.test(head) ? text : null;
}

/** True when an SVG text can neither run nor load anything. */
export function isSafeSvg(text: string): boolean {
  return ![UNSAFE_ELEMENT, EVENT_HANDLER, EXTERNAL_REFERENCE, UNSAFE_TEXT].some((rule) => rule.test(text));
}

/** Accepts a PNG, a JPEG or a safe SVG of at most LOGO_MAX_BYTES. */
export function checkLogo(bytes: Uint8Array): LogoCheck {
  if (bytes.length === 0) return { ok: false, problem: "empty" };
  if (bytes.length > LOGO_MAX_BYTES) return { ok: false, problem: "tooLarge" };
  if (startsWith(bytes, PNG)) return { ok: true, type: "image/png" };
  if (startsWith(bytes, JPEG)) return { ok: true, type: "image/jpeg" };
  const svg = svgText(bytes);
  if (svg === null) return { ok: false, problem: "type" };
  return isSafeSvg(svg) ? { ok: true, type: "image/svg+xml" } : { ok: false, problem: "svgUnsafe" };
}

/** A refusal's message key (messages/<locale>/validation.json), as forms and the schema show it. */
export function logoProblemMessage(problem: LogoProblem): string {
  if (problem === "tooLarge") return ruleMessage("validation.logoTooLarge", { max: LOGO_MAX_BYTES / 1024 });
  if (problem === "svgUnsafe") return "validation.logoUnsafeSvg";
  if (problem === "empty") return "validation.logoEmpty";
  return "validation.logoType";
}

/** Bytes → base64 (btoa exists in browsers and in Node ≥ 16). */
export function base64FromBytes(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Base64 → bytes (atob exists in browsers and in Node ≥ 16). Null when it is not base64. */
export function bytesFromBase64(data: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data) || data.length % 4 !== 0) return null;
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
