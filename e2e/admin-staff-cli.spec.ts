/**
 * Issue 16's platform staff from the command line, and support access that runs out, on a portal
 * of its own: one more production portal from the e2e build with its own PGlite folder and no
 * PLATFORM_STAFF_EMAILS (same emulator, same mail sink). PGlite belongs to one process, so the
 * portal is stopped around each command, as the README tells an integrator to do.
 *
 *   sign up → /admin says "Sem acesso" → `npm run staff:grant` → the console asks for two-step
 *   verification → enrol → Clientes lists the customer → the customer's owner grants 1 hour of
 *   support access → staff look, read-only → the portal comes back two hours later (faketime
 *   moves its clock, nothing else) → the access has run out for staff and for the customer's page
 *   → `npm run staff:revoke` → "Sem acesso" again.
 */
import { spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { generateSync } from "otplib";
import { expect, expectAccessible, shot, signUpViaApi, test, uniqueUser, withoutToasts } from "./fixtures";
import { freeLoopbackPort, startPortal, stopProcess, waitUntilAnswering } from "./fixtures/processes";
import { trpcMutation } from "./pages/team";
import { productionPortalEnv, SERVER_LOG_DIR } from "./secrets";

const STAFF_EMAIL = "cli.staff@e2e.example.com.br";

let origin = "";
let dataDir = "";
let env = { ...process.env };
let portal: ChildProcess | undefined;
let log: NodeJS.WritableStream;

async function start(clockOffset?: string): Promise<void> {
  const port = Number(new URL(origin).port);
  portal = startPortal({ port, env, log, clockOffset });
  await waitUntilAnswering(`${origin}/sign-in`, portal, "the staff-cli portal");
}

async function stop(): Promise<void> {
  if (portal) await stopProcess(portal, { group: true });
  portal = undefined;
}

/** `npm run staff:<command> <email>` against the stopped portal's data folder. */
function staffCommand(command: "grant" | "revoke"): { status: number | null; output: string } {
  const run = spawnSync("npm", ["run", "--silent", `staff:${command}`, STAFF_EMAIL], { env, encoding: "utf8" });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: origin, locale: "pt-BR", timezoneId: "America/Sao_Paulo" });
  return context.newPage();
}

test.beforeAll(async () => {
  const port = await freeLoopbackPort();
  origin = `http://127.0.0.1:${port}`;
  dataDir = mkdtempSync(path.join(tmpdir(), "portal-e2e-staff-cli-"));
  // Kept with the other portals' logs: global-teardown checks them for secrets too.
  log = createWriteStream(path.join(SERVER_LOG_DIR, "staff-cli.log"));
  env = {
    ...productionPortalEnv({ dataDir, publicUrl: origin, emulator: process.env.E2E_EMULATOR_URL! }),
    SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT ?? "4130"}`,
    MAIL_FROM: "Portal PlugChat <no-reply@portal.test>",
  };
  delete env.PLATFORM_STAFF_EMAILS;
  delete env.DATABASE_URL;
});

test.afterAll(async () => {
  await stop();
  log?.end();
  rmSync(dataDir, { recursive: true, force: true });
});

test("staff:grant from the command line → console → support access that runs out → staff:revoke", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  await start();
  const staff = await newPage(browser);
  const customer = await newPage(browser);
  const company = `Sorveteria CLI ${Math.random().toString(36).slice(2, 7)}`;
  let organizationId = "";

  await test.step("someone signs up: the console is not theirs", async () => {
    await signUpViaApi(staff, { ...uniqueUser("staff"), name: "Caio Plataforma", email: STAFF_EMAIL }, { origin });
    const res = await staff.goto("/admin/customers");
    expect(res?.status()).toBe(403);
    await expect(staff.getByTestId("console-no-access")).toBeVisible();
    ({ organizationId } = await signUpViaApi(customer, { ...uniqueUser("cliente"), companyName: company }, { origin }));
  });

  await test.step("npm run staff:grant, with the portal stopped", async () => {
    await stop();
    const granted = staffCommand("grant");
    expect(granted.output).toContain(`${STAFF_EMAIL} is now platform staff`);
    expect(granted.status).toBe(0);
    const again = staffCommand("grant");
    expect(again.output).toContain("was already platform staff");
    await start();
  });

  await test.step("the console asks for two-step verification; enrolled, Clientes lists the customer", async () => {
    await staff.goto("/admin/customers");
    await expect(staff.getByTestId("console-two-factor-required")).toBeVisible();
    const { manualKey } = await trpcMutation<{ manualKey: string }>(staff, "twoFactor.beginEnrolment", undefined);
    await trpcMutation(staff, "twoFactor.confirmEnrolment", {
      code: generateSync({ secret: manualKey.replace(/\s/g, "") }),
    });
    await staff.goto("/admin/customers");
    await expect(staff.getByRole("heading", { name: "Clientes", level: 1 })).toBeVisible();
    await expect(staff.getByTestId("customer-row").filter({ hasText: company })).toHaveCount(1);
  });

  await test.step("the customer's owner grants 1 hour of support access; staff look read-only", async () => {
    await customer.goto("/account");
    const section = customer.getByTestId("support-access");
    await section.getByLabel("Por quanto tempo").selectOption("1");
    await section.getByRole("button", { name: "Liberar acesso de suporte" }).click();
    await expect(section).toContainText("pode ver as páginas da empresa até");
    await staff.goto(`/admin/customers/${organizationId}`);
    await staff.getByRole("button", { name: "Ver as páginas do cliente (só leitura)" }).click();
    await expect(staff.getByTestId("support-banner")).toContainText("sem poder alterar nada");
    await staff.goto("/team/members");
    await expect(staff.getByTestId("support-banner")).toBeVisible();
    await expect(staff.getByRole("heading", { name: "Membros", level: 1 })).toBeVisible();
  });

  await test.step("two hours later (the portal's clock only): the access has run out", async () => {
    await stop();
    await start("+2h");
    await staff.goto("/team/members");
    await expect(staff).toHaveURL(/\/admin/);
    await expect(staff.getByTestId("support-banner")).toHaveCount(0);
    await staff.goto(`/admin/customers/${organizationId}`);
    await expect(staff.getByText(/O cliente não liberou o acesso de suporte/)).toBeVisible();
    await customer.goto("/account");
    await expect(customer.getByTestId("support-access")).toContainText("não tem acesso");
    await withoutToasts(customer);
    await expectAccessible(customer);
    await shot(customer, "account-support-access-expired");
  });

  await test.step("npm run staff:revoke: the console is closed again", async () => {
    await stop();
    const revoked = staffCommand("revoke");
    expect(revoked.output).toContain(`${STAFF_EMAIL} is no longer platform staff`);
    expect(revoked.status).toBe(0);
    await start("+2h");
    const res = await staff.goto("/admin/customers");
    expect(res?.status()).toBe(403);
    await expect(staff.getByTestId("console-no-access")).toBeVisible();
  });
});
