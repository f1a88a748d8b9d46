import { describe, expect, it } from "vitest";
import { buildCsp } from "@/server/http/csp";

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(";").map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe("content security policy", () => {
  const production = directives(
    buildCsp({ nonce: "abc123", sdkUrl: "https://plugchat.com.br/sdk/index.js", development: false, secure: true }),
  );

  it("allows scripts only by nonce (strict-dynamic), never unsafe-inline or unsafe-eval in production", () => {
    const scripts = production.get("script-src")!;
    expect(scripts).toContain("'nonce-abc123'");
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
  });

  it("locks objects, base URI, framing and form targets", () => {
    expect(production.get("object-src")).toEqual(["'none'"]);
    expect(production.get("base-uri")).toEqual(["'none'"]);
    expect(production.get("frame-ancestors")).toEqual(["'none'"]);
    expect(production.get("form-action")).toEqual(["'self'"]);
    expect(production.has("upgrade-insecure-requests")).toBe(true);
  });

  it("allows the configured vendor SDK origin for its script, API calls and frames", () => {
    for (const d of ["script-src", "connect-src", "frame-src"])
      expect(production.get(d)).toContain("https://plugchat.com.br");
  });

  it("development adds only what the dev server needs", () => {
    const dev = directives(buildCsp({ nonce: "n", development: true, secure: false }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.has("upgrade-insecure-requests")).toBe(false);
  });
});
