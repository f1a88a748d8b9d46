/**
 * `npm run dev` as a newcomer runs it: on a port of their own (not 3000), opened at
 * http://127.0.0.1:PORT (the address many people type). Issue 14, points 1 and 13:
 * - the page becomes interactive (Next lets its development scripts load for loopback origins);
 * - sign-out and every link the portal writes to the development log (e-mail confirmation,
 *   password reset, invitation) use the request's own origin and port;
 * - an ordinary refusal (e-mail already used, 409) does not raise the development overlay's
 *   "Issue" badge, and an anonymous visit to a signed-in page logs no stack trace.
 * The development server is started here, once, on its own data folder and emulator.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test, uniqueUser } from "./fixtures";
import { freeLoopbackPort, stopProcess, waitUntilAnswering } from "./fixtures/processes";
import { SignInPage, SignUpPage } from "./pages/auth";
import { trpcMutation } from "./pages/team";
import { SERVER_LOG_DIR } from "./secrets";

let devServer: ChildProcess;
let origin: string;
let dataDir: string;
let serverLog = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const [port, emulatorPort] = [await freeLoopbackPort(), await freeLoopbackPort()];
  origin = `http://127.0.0.1:${port}`;
  dataDir = mkdtempSync(path.join(tmpdir(), "portal-e2e-dev-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    DATA_DIR: dataDir,
    PLUGCHAT_EMULATOR_PORT: String(emulatorPort),
    EMULATOR_ATTENDANCES_PER_MINUTE: "0",
    LOG_LEVEL: "info",
  };
  // Exactly what a newcomer has: no production settings, no SMTP (mail goes to the log).
  for (const name of ["NODE_ENV", "PUBLIC_URL", "NEXTAUTH_URL", "SMTP_URL", "DATABASE_URL", "PLUGCHAT_BASE_URL"]) {
    delete env[name];
  }
  devServer = spawn("npm", ["run", "dev", "--", "-p", String(port)], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const log = createWriteStream(path.join(SERVER_LOG_DIR, "dev.log"));
  for (const stream of [devServer.stdout!, devServer.stderr!]) {
    stream.on("data", (chunk: Buffer) => {
      serverLog += chunk.toString();
      log.write(chunk);
    });
  }
  await waitUntilAnswering(`${origin}/sign-in`, devServer, "npm run dev", 240_000);
});

test.afterAll(async () => {
  await stopProcess(devServer, { group: true });
  rmSync(dataDir, { recursive: true, force: true });
});

/** The newest link to `pathPart` the development log holds, once it is there. */
async function loggedLink(pathPart: string, after: number): Promise<string> {
  const pattern = new RegExp(`https?://[^\\s"'\\\\]+${pathPart}[^\\s"'\\\\]+`, "g");
  let link: string | undefined;
  await expect.poll(() => (link = serverLog.slice(after).match(pattern)?.at(-1)), { timeout: 30_000 }).toBeTruthy();
  return link!;
}

/** The development overlay's issue counter ("1 Issue"), inside Next's shadow root. */
function overlayIssues(page: Page) {
  return page.locator("nextjs-portal [data-issues-count]");
}

test("npm run dev on its own port, opened at 127.0.0.1: interactive, links and sign-out on this origin, refusals are not issues", async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const context = await browser.newContext({ baseURL: origin, locale: "pt-BR" });
  const page = await context.newPage();
  const user = uniqueUser("dev");

  await test.step("sign-up works through the page's own scripts (no plain GET with the fields in the address)", async () => {
    const logStart = serverLog.length;
    const signUp = new SignUpPage(page);
    await signUp.goto();
    await signUp.fill(user);
    await signUp.submit();
    await expect(page.getByTestId("org-name")).toHaveText(user.companyName, { timeout: 120_000 });
    expect(page.url()).not.toContain("password=");
    const confirm = await loggedLink("/verify-email/", logStart);
    expect(new URL(confirm).origin).toBe(origin);
    await page.goto(confirm);
    await page.getByRole("button", { name: "Confirmar e-mail" }).click();
    await expect(page).not.toHaveURL(/\/verify-email\//, { timeout: 60_000 });
  });

  await test.step("the invitation link in the log names this origin", async () => {
    const logStart = serverLog.length;
    await trpcMutation(page, "invitations.create", { email: uniqueUser("convite").email, role: "member" });
    expect(new URL(await loggedLink("/invite/", logStart)).origin).toBe(origin);
  });

  await test.step("Sair lands on this origin's sign-in page", async () => {
    await page.getByRole("button", { name: "Menu do usuário" }).click();
    await page.getByRole("menuitem", { name: "Sair", exact: true }).click();
    await expect(page).toHaveURL(`${origin}/sign-in`, { timeout: 60_000 });
  });

  await test.step("an anonymous visit to a signed-in page redirects and logs no stack trace", async () => {
    const logStart = serverLog.length;
    await page.goto("/team/members");
    await expect(page).toHaveURL(/\/sign-in/);
    await page.waitForTimeout(1_000);
    const logged = serverLog.slice(logStart);
    expect(logged).not.toMatch(/UNAUTHENTICATED[\s\S]{0,400}\n\s+at /);
  });

  await test.step("an e-mail already used is refused in words, and the overlay counts no issue", async () => {
    const signUp = new SignUpPage(page);
    await signUp.goto();
    await signUp.fill({ ...uniqueUser("dev2"), email: user.email });
    await signUp.submit();
    await expect(page.getByText("Já existe uma conta com este e-mail.", { exact: false })).toBeVisible();
    await page.waitForTimeout(1_500);
    await expect(overlayIssues(page)).toHaveCount(0);
  });

  await test.step("the password-reset link in the log names this origin", async () => {
    const logStart = serverLog.length;
    await page.goto("/forgot-password");
    await page.getByLabel("E-mail").fill(user.email);
    await page.getByRole("button", { name: "Enviar link" }).click();
    await expect(page.getByText("Confira seu e-mail")).toBeVisible();
    expect(new URL(await loggedLink("/reset-password/", logStart)).origin).toBe(origin);
  });

  await test.step("control: a real client error does raise the overlay's counter (so the check above can fail)", async () => {
    await new SignInPage(page).goto();
    await page.evaluate(() => console.error("e2e control: a real client error"));
    await expect(overlayIssues(page)).toHaveCount(1, { timeout: 15_000 });
  });

  await test.step("the development log has no compile warnings or errors", async () => {
    expect(serverLog).not.toContain("Ecmascript file had an error");
    expect(serverLog).not.toMatch(/"level":(40|50)/);
  });

  await context.close();
});
