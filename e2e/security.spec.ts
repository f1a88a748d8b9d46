/**
 * What a browser (or an attacker's page) sees of the production build: security headers,
 * no secrets shipped to the browser, no cross-site mutations.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, signUpViaApi, test, uniqueUser } from "./fixtures";
import { E2E_SECRETS as CANARIES } from "./secrets";

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

test("pages carry a nonce CSP and the other security headers", async ({ page }) => {
  const response = await page.goto("/sign-in");
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src [^;]*'nonce-[A-Za-z0-9+/=]+'[^;]*'strict-dynamic'/);
  expect(csp).not.toMatch(/script-src [^;]*'unsafe-(inline|eval)'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-powered-by"]).toBeUndefined();

  const second = await page.request.get("/sign-in");
  expect(second.headers()["content-security-policy"]).not.toBe(csp); // a fresh nonce per request
});

test("API answers are not cached and offer no CORS to other sites", async ({ page }) => {
  const res = await page.request.get("/api/trpc/me.get", { headers: { origin: "https://evil.example" } });
  expect(res.status()).toBe(401);
  expect(res.headers()["cache-control"]).toBe("no-store");
  expect(res.headers()["access-control-allow-origin"]).toBeUndefined();
});

test("a signed-in user's mutation from a foreign site is refused whatever its content type", async ({ page }) => {
  await page.goto("/sign-in");
  await signUpViaApi(page, uniqueUser("csrf"));
  for (const contentType of [
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/json",
  ]) {
    const res = await page.request.post("/api/trpc/auth.signUp", {
      headers: { "content-type": contentType, origin: "https://evil.example" },
      data: JSON.stringify({ json: uniqueUser("csrf2") }),
    });
    expect([403, 415], `${contentType} → ${res.status()}`).toContain(res.status());
  }
});

test("no secret of the server appears in the browser bundles or in pages", async ({ page }) => {
  const staticDir = path.resolve(".next/static");
  const files = filesUnder(staticDir);
  expect(files.length).toBeGreaterThan(5);
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const [name, value] of Object.entries(CANARIES))
      expect(text.includes(value), `${name} in ${file}`).toBe(false);
  }
  await signUpViaApi(page, uniqueUser("secrets"));
  for (const url of ["/", "/sign-in", "/sign-up", "/api/trpc/me.get"]) {
    const body = await (await page.request.get(url)).text();
    for (const [name, value] of Object.entries(CANARIES)) expect(body.includes(value), `${name} in ${url}`).toBe(false);
  }
});
