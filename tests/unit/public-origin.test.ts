/**
 * Every absolute URL the portal writes (sign-out redirect, links in e-mails) starts with PUBLIC_URL
 * in production and with the browser's own origin in development; never http://localhost:3000
 * unless that is what PUBLIC_URL says.
 */
import type { NextConfig } from "next";
import { blockCrossSiteDEV } from "next/dist/server/lib/router-utils/block-cross-site-dev.js";
import { beforeAll, describe, expect, it } from "vitest";
import { authOptions } from "@/server/auth/options";
import { configuredOrigin, publicOrigin, requestOrigin } from "@/server/http/public-origin";

const production = { NODE_ENV: "production", PUBLIC_URL: "https://portal.example.com.br" };
const development = { NODE_ENV: "development" };

describe("the portal's public origin", () => {
  it("production: PUBLIC_URL, whatever host the request names", () => {
    expect(publicOrigin("http://evil.example", production)).toBe("https://portal.example.com.br");
    expect(publicOrigin(null, { ...production, PUBLIC_URL: "https://portal.example.com.br/" })).toBe(
      "https://portal.example.com.br",
    );
  });

  it("production without PUBLIC_URL: an error, never the request's Host header", () => {
    expect(() => publicOrigin("http://evil.example", { NODE_ENV: "production" })).toThrow(/PUBLIC_URL/);
  });

  it("development: the origin the browser used, port included", () => {
    expect(publicOrigin("http://localhost:3201", development)).toBe("http://localhost:3201");
    expect(publicOrigin("http://127.0.0.1:3000", development)).toBe("http://127.0.0.1:3000");
  });

  it("development with PUBLIC_URL set: PUBLIC_URL (asked for)", () => {
    expect(publicOrigin("http://localhost:3201", { ...development, PUBLIC_URL: "http://localhost:3000" })).toBe(
      "http://localhost:3000",
    );
  });

  it("development with neither: an error rather than a guessed http://localhost:3000", () => {
    expect(() => publicOrigin(null, development)).toThrow(/PUBLIC_URL/);
  });

  it("NEXTAUTH_URL counts as the configured origin when PUBLIC_URL is unset", () => {
    expect(configuredOrigin({ NEXTAUTH_URL: "https://a.example/api/auth" })).toBe("https://a.example");
    expect(configuredOrigin({})).toBeNull();
  });
});

describe("the request's origin", () => {
  const headers = (h: Record<string, string>) => new Headers(h);

  it("is what Next forwards (X-Forwarded-Host/Proto), else the Host header over http", () => {
    expect(requestOrigin(headers({ host: "localhost:3201" }))).toBe("http://localhost:3201");
    expect(
      requestOrigin(
        headers({ host: "10.0.0.2:3000", "x-forwarded-host": "127.0.0.1:3000", "x-forwarded-proto": "http" }),
      ),
    ).toBe("http://127.0.0.1:3000");
    expect(requestOrigin(headers({ "x-forwarded-host": "portal.test", "x-forwarded-proto": "https" }))).toBe(
      "https://portal.test",
    );
    expect(requestOrigin(headers({ host: "[::1]:3000" }))).toBe("http://[::1]:3000");
  });

  it("is null without a usable host", () => {
    expect(requestOrigin(headers({}))).toBeNull();
    expect(requestOrigin(headers({ host: "bad host/x" }))).toBeNull();
  });
});

describe("next-auth's redirects (sign out, the sign-in's callback)", () => {
  // next-auth v4's own base when NEXTAUTH_URL is unset.
  const baseUrl = "http://localhost:3000";
  const redirect = (origin: string, url: string) =>
    authOptions({ origin }).callbacks!.redirect!({ url, baseUrl }) as string;

  it("land on the origin they were asked from, port included", () => {
    expect(redirect("http://localhost:3201", "/sign-in")).toBe("http://localhost:3201/sign-in");
    expect(redirect("http://127.0.0.1:3000", "http://127.0.0.1:3000/team?x=1")).toBe("http://127.0.0.1:3000/team?x=1");
    expect(redirect("https://portal.example.com.br", `${baseUrl}/sign-in`)).toBe(
      "https://portal.example.com.br/sign-in",
    );
  });

  it("never leave the site", () => {
    expect(redirect("http://localhost:3201", "https://evil.example/x")).toBe("http://localhost:3201");
    expect(redirect("http://localhost:3201", "//evil.example/x")).toBe("http://localhost:3201");
  });
});

describe("development on a loopback address", () => {
  let nextConfig: NextConfig;
  beforeAll(async () => {
    // next.config.mjs exports a function of the phase (the production server skips next-intl's plugin).
    const { default: config } = (await import(new URL("../../next.config.mjs", import.meta.url).href)) as {
      default: (phase: string) => Promise<NextConfig>;
    };
    nextConfig = await config("phase-development-server");
  });

  /** Next's check of a request for its development scripts, as a page at `pageOrigin` makes it. */
  function blocked(pageOrigin: string): boolean {
    const req = {
      url: "/_next/static/chunks/main-app.js",
      headers: { origin: pageOrigin, "sec-fetch-mode": "cors", "sec-fetch-site": "same-origin" },
    };
    const res = { statusCode: 200, end: () => undefined };
    return blockCrossSiteDEV(req as never, res as never, nextConfig.allowedDevOrigins, "localhost");
  }

  it("a page opened at http://127.0.0.1:3000 or http://[::1]:3000 gets its scripts (it becomes interactive)", () => {
    expect(blocked("http://127.0.0.1:3000")).toBe(false);
    expect(blocked("http://[::1]:3000")).toBe(false);
    expect(blocked("http://localhost:3000")).toBe(false);
  });

  it("other hosts stay blocked", () => {
    expect(blocked("http://192.168.0.10:3000")).toBe(true);
  });
});
