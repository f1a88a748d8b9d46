/**
 * A session's User-Agent header, said the way a shop owner recognises their own devices:
 * "Chrome 131" on "Windows", "Safari" on "iPhone". Parsed by bowser (server-side only: the
 * browser never downloads the parser). Unknown parts are null; the UI says "unknown browser".
 */
import "server-only";
import Bowser from "bowser";

export interface UserAgentSummary {
  /** Browser name, with its major version when that helps tell two apart ("Chrome 131", "Safari"). */
  browser: string | null;
  /** The device or system it runs on ("Windows", "iPhone", "Android"). */
  system: string | null;
}

/** bowser's long names, shortened to what people call them. */
const BROWSER_NAMES: Record<string, string> = {
  "Microsoft Edge": "Edge",
  "Samsung Internet for Android": "Samsung Internet",
  "Opera Touch": "Opera",
};

/** Browsers whose number follows the system's (Safari ships with it): the number tells the owner nothing. */
const WITHOUT_VERSION = new Set(["Safari"]);

const SYSTEM_NAMES: Record<string, string> = { "Chrome OS": "ChromeOS" };

export function summarizeUserAgent(userAgent: string | null | undefined): UserAgentSummary {
  const ua = userAgent?.trim();
  if (!ua) return { browser: null, system: null };
  let parsed: Bowser.Parser.ParsedResult;
  try {
    parsed = Bowser.parse(ua);
  } catch {
    return { browser: null, system: null };
  }
  return { browser: browserOf(parsed.browser), system: systemOf(parsed) };
}

function browserOf(browser: Bowser.Parser.BrowserDetails): string | null {
  const raw = browser.name?.trim();
  if (!raw) return null;
  const name = BROWSER_NAMES[raw] ?? raw;
  const major = browser.version?.split(".")[0];
  if (!major || !/^\d+$/.test(major) || WITHOUT_VERSION.has(name)) return name;
  return `${name} ${major}`;
}

function systemOf(parsed: Bowser.Parser.ParsedResult): string | null {
  const os = parsed.os.name?.trim();
  // An iPhone or iPad says more than "iOS".
  if (os === "iOS" || os === "iPadOS") return parsed.platform.model?.trim() || os;
  if (!os) return null;
  return SYSTEM_NAMES[os] ?? os;
}

/** The summary as one line ("Chrome 131 · Windows"), or null when nothing could be told. */
export function userAgentLabel(userAgent: string | null | undefined): string | null {
  const { browser, system } = summarizeUserAgent(userAgent);
  return [browser, system].filter(Boolean).join(" · ") || null;
}
