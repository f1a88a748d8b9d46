/**
 * Security decided by the running process, not by the build. scripts/e2e-server.ts builds
 * once WITHOUT PUBLIC_URL; this spec starts one more portal from that same build (`npm
 * start`'s scripts/serve.mjs) with PUBLIC_URL=https://… on a free loopback port and checks
 * that its headers follow (HSTS, CSP with nonce, …), that the http portal sends no HSTS, and
 * that the sign-in limit holds against a client writing its own X-Forwarded-For.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { productionPortalEnv, SERVER_LOG_DIR } from "./secrets";
import { freeLoopbackPort, stopProcess, waitUntilAnswering } from "./fixtures/processes";

const HTTPS_PUBLIC_URL = "https://portal.example.test";

let httpsPortal: ChildProcess;
let httpsOrigin: string;
let dataDir: string;

test.beforeAll(async () => {
  test.setTimeout(150_000);
  const port = await freeLoopbackPort();
  httpsOrigin = `http://127.0.0.1:${port}`;
  dataDir = mkdtempSync(path.join(tmpdir(), "portal-e2e-https-"));
  httpsPortal = spawn(process.execPath, ["scripts/serve.mjs", "-p", String(port), "-H", "127.0.0.1"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      // The TLS end would be a proxy in front; the portal only learns it is served over https.
      ...productionPortalEnv({ dataDir, publicUrl: HTTPS_PUBLIC_URL, emulator: process.env.E2E_EMULATOR_URL! }),
      NEXTAUTH_URL: HTTPS_PUBLIC_URL,
      PORTAL_BACKGROUND_WORK: "off",
    },
  });
  // Kept with the other portals' logs: global-teardown checks them for secrets too.
  const log = createWriteStream(path.join(SERVER_LOG_DIR, "https.log"));
  httpsPortal.stdout!.pipe(log);
  httpsPortal.stderr!.pipe(log);
  await waitUntilAnswering(`${httpsOrigin}/sign-in`, httpsPortal, "the https portal");
});

test.afterAll(async () => {
  await stopProcess(httpsPortal);
  rmSync(dataDir, { recursive: true, force: true });
});

test("a build made without PUBLIC_URL, started with an https one: every answer carries HSTS and the other headers", async ({
  request,
}) => {
  await test.step("a page: HSTS, a CSP with a fresh nonce, frame-ancestors, nosniff, Referrer-Policy, Permissions-Policy", async () => {
    const page = await request.get(`${httpsOrigin}/sign-in`);
    expect(page.status()).toBe(200);
    const headers = page.headers();
    expect(headers["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    const csp = headers["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src [^;]*'nonce-[A-Za-z0-9+/=]+'[^;]*'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("upgrade-insecure-requests");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["x-frame-options"]).toBe("DENY");
    const again = await request.get(`${httpsOrigin}/sign-in`);
    expect(again.headers()["content-security-policy"]).not.toBe(csp);

    // The nonce in the header is the one on the page's scripts.
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(await page.text()).toContain(`nonce="${nonce}"`);
  });

  await test.step("an API answer and a static file: HSTS and nosniff, no page CSP", async () => {
    const api = await request.get(`${httpsOrigin}/api/trpc/me.get`);
    expect(api.status()).toBe(401);
    expect(api.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    expect(api.headers()["x-content-type-options"]).toBe("nosniff");
    expect(api.headers()["cache-control"]).toBe("no-store");

    const html = await (await request.get(`${httpsOrigin}/sign-in`)).text();
    const asset = /\/_next\/static\/[^"']+\.(?:css|js)/.exec(html)?.[0];
    expect(asset, "the sign-in page links a static file").toBeTruthy();
    const file = await request.get(`${httpsOrigin}${asset}`);
    expect(file.status()).toBe(200);
    expect(file.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    expect(file.headers()["x-content-type-options"]).toBe("nosniff");
  });
});

test("the http portal (PUBLIC_URL http://…) sends no HSTS, but the other headers", async ({ request }) => {
  for (const url of ["/sign-in", "/api/trpc/me.get"]) {
    const res = await request.get(url);
    expect(res.headers()["strict-transport-security"], url).toBeUndefined();
    expect(res.headers()["x-content-type-options"], url).toBe("nosniff");
  }
});

test("a client writing a new X-Forwarded-For on every wrong password is refused from the 11th", async () => {
  // Plain fetch: the https portal's cookies are `__Host-`/Secure and this test talks http to it.
  const csrf = await fetch(`${httpsOrigin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const statuses: number[] = [];
  for (let i = 1; i <= 12; i++) {
    const res = await fetch(`${httpsOrigin}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie,
        origin: httpsOrigin,
        "x-forwarded-for": `203.0.113.${i}`,
      },
      body: new URLSearchParams({
        email: "spoofing.victim@example.com.br",
        password: `wrong password ${i}`,
        csrfToken,
        json: "true",
      }),
    });
    statuses.push(res.status);
  }
  expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
});
