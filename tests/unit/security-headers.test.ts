import { describe, expect, it } from "vitest";
import { HSTS, isHttpsDeployment, securityHeaders } from "@/server/http/security-headers";

describe("security headers decided by the running process", () => {
  it("HSTS (two years, subdomains) only when PUBLIC_URL is https", () => {
    expect(isHttpsDeployment({ PUBLIC_URL: "https://portal.example.com.br" })).toBe(true);
    expect(isHttpsDeployment({ PUBLIC_URL: "http://127.0.0.1:3000" })).toBe(false);
    expect(isHttpsDeployment({})).toBe(false);
    expect(new Map(securityHeaders({ secure: true })).get("Strict-Transport-Security")).toBe(
      "max-age=63072000; includeSubDomains",
    );
    expect(HSTS).toBe("max-age=63072000; includeSubDomains");
    expect(new Map(securityHeaders({ secure: false })).has("Strict-Transport-Security")).toBe(false);
  });

  it("nosniff, a strict Referrer-Policy, no framing and no powerful features, either way", () => {
    for (const secure of [true, false]) {
      const headers = new Map(securityHeaders({ secure }));
      expect(headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
      expect(headers.get("X-Frame-Options")).toBe("DENY");
      expect(headers.get("Permissions-Policy")).toBe("camera=(), microphone=(), geolocation=(), payment=()");
    }
  });

  it("reads the environment when asked (at request time), not when the module loads", () => {
    const before = process.env.PUBLIC_URL;
    try {
      process.env.PUBLIC_URL = "https://later.example.com.br";
      expect(isHttpsDeployment()).toBe(true);
      process.env.PUBLIC_URL = "http://later.example.com.br";
      expect(isHttpsDeployment()).toBe(false);
    } finally {
      if (before === undefined) delete process.env.PUBLIC_URL;
      else process.env.PUBLIC_URL = before;
    }
  });
});
