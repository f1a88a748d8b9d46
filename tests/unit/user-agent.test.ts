import { describe, expect, it } from "vitest";
import { summarizeUserAgent } from "@/server/auth/user-agent";

/** Real User-Agent headers, as browsers send them. */
const UA = {
  chromeWindows:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  safariIphone:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  firefoxLinux: "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
  edgeWindows:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86",
  samsungAndroid:
    "Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
  safariMac:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15",
  chromeIpad:
    "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1",
  chromeAndroid:
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
  chromeOs:
    "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
};

describe("summarizeUserAgent", () => {
  it.each([
    ["Chrome on Windows", UA.chromeWindows, "Chrome 131", "Windows"],
    ["Safari on an iPhone", UA.safariIphone, "Safari", "iPhone"],
    ["Firefox on Linux", UA.firefoxLinux, "Firefox 133", "Linux"],
    ["Edge on Windows (not mistaken for Chrome)", UA.edgeWindows, "Edge 131", "Windows"],
    ["Samsung Internet on Android (not mistaken for Chrome)", UA.samsungAndroid, "Samsung Internet 26", "Android"],
    ["Safari on a Mac", UA.safariMac, "Safari", "macOS"],
    ["Chrome on an iPad", UA.chromeIpad, "Chrome 131", "iPad"],
    ["Chrome on Android", UA.chromeAndroid, "Chrome 131", "Android"],
    ["Chrome on a Chromebook", UA.chromeOs, "Chrome 131", "ChromeOS"],
  ])("%s", (_label, ua, browser, system) => {
    expect(summarizeUserAgent(ua)).toEqual({ browser, system });
  });

  it.each([
    ["missing", null],
    ["undefined", undefined],
    ["empty", ""],
    ["blank", "   "],
    ["garbage", "asdf qwer ;;; ()"],
    ["a command-line tool", "curl/8.5.0"],
  ])("%s → unknown browser and system", (_label, ua) => {
    expect(summarizeUserAgent(ua)).toEqual({ browser: null, system: null });
  });

  it("survives a header cut at 300 characters", () => {
    expect(summarizeUserAgent(`${UA.chromeWindows} ${"x".repeat(400)}`.slice(0, 300))).toEqual({
      browser: "Chrome 131",
      system: "Windows",
    });
  });
});
