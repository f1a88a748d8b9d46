/**
 * Issue 16's console, as platform staff lives it: an account listed in PLATFORM_STAFF_EMAILS (the
 * command-line grant is e2e/admin-staff-cli.spec.ts's, on a portal of its own) signs up → the console asks for two-step verification → enrol it →
 * Clientes shows the three customers made here → a customer's chat account left in doubt by an
 * injected 500 shows in Precisa de atenção → "Tentar de novo" with a reason creates it, once →
 * the customer's Auditoria names the platform's staff and the reason. A customer gets "Sem acesso".
 * Every console page passes axe and fits 360 px.
 */
import type { Browser, Page } from "@playwright/test";
import { generateSync } from "otplib";
import {
  expect,
  expectAccessible,
  portalOrigin,
  shot,
  signUpViaApi,
  test,
  uniqueUser,
  withoutToasts,
} from "./fixtures";
import { E2E_STAFF_EMAIL } from "./secrets";

const STEP_SECONDS = 30;

/** A code for a time step the portal has not accepted yet (the current one, or the next). */
function authenticator(secret: string) {
  let last = Number.NEGATIVE_INFINITY;
  return async (): Promise<string> => {
    for (;;) {
      const now = Math.floor(Date.now() / 1000 / STEP_SECONDS);
      const step = Math.max(last + 1, now - 1);
      if (step <= now + 1) {
        last = step;
        return generateSync({ secret, epoch: step * STEP_SECONDS });
      }
      await new Promise((resolve) => setTimeout(resolve, (now + 1) * STEP_SECONDS * 1000 - Date.now() + 100));
    }
  };
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "pt-BR", timezoneId: "America/Sao_Paulo" });
  return context.newPage();
}

async function fitsAt(page: Page, width: number, name: string): Promise<void> {
  await page.setViewportSize({ width, height: 800 });
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: `scrollWidth at ${width}px` })
    .toBeLessThanOrEqual(width);
  await expectAccessible(page);
  await shot(page, `${name}-${width}`);
}

test.describe("console da plataforma", () => {
  test("staff: duas etapas → Clientes → Precisa de atenção → Tentar de novo", async ({ page, browser, emulator }) => {
    test.setTimeout(180_000);
    const tag = Math.random().toString(36).slice(2, 7);
    const customers: Array<{ page: Page; organizationId: string; companyName: string }> = [];

    await test.step("three customers sign up; the third's chat account is left in doubt by a 500", async () => {
      for (const letter of ["A", "B", "C"]) {
        const customerPage = await newPage(browser);
        const user = { ...uniqueUser("cliente"), companyName: `Mercado ${tag} ${letter}` };
        const { organizationId } = await signUpViaApi(customerPage, user);
        customers.push({ page: customerPage, organizationId, companyName: user.companyName });
      }
      const third = customers[2]!;
      await emulator.addFault({ method: "POST", path: "^/account$", kind: "status", status: 500, times: 1 });
      const res = await third.page.request.post("/api/trpc/onboarding.createAccount", {
        data: { json: { companyName: third.companyName, sessionName: third.companyName } },
        headers: {
          "content-type": "application/json",
          origin: portalOrigin(),
          "x-organization-id": third.organizationId,
        },
      });
      expect(res.ok()).toBe(false);
      expect(await emulator.accountsFor(third.organizationId)).toHaveLength(0);
    });

    await test.step("a customer at /admin gets Sem acesso (403)", async () => {
      const customerPage = customers[0]!.page;
      const res = await customerPage.goto("/admin/customers");
      expect(res?.status()).toBe(403);
      await expect(customerPage.getByTestId("console-no-access")).toBeVisible();
      await expect(customerPage.getByRole("heading", { name: "Sem acesso" })).toBeVisible();
    });

    let nextCode: () => Promise<string> = () => Promise.reject(new Error("not enrolled yet"));
    await test.step("staff signs up (PLATFORM_STAFF_EMAILS); the console asks for two-step verification first", async () => {
      await signUpViaApi(page, { ...uniqueUser("staff"), name: "Ana Plataforma", email: E2E_STAFF_EMAIL });
      await page.goto("/admin");
      await expect(page.getByTestId("console-two-factor-required")).toBeVisible();
      await expectAccessible(page);
      await page.getByRole("link", { name: "Ir para Minha conta" }).click();
      await expect(page).toHaveURL(`${portalOrigin()}/account`);
    });

    await test.step("enrol two-step verification in Minha conta", async () => {
      const section = page.locator("#two-factor");
      await section.getByRole("button", { name: "Ativar" }).click();
      const secret = (await section.getByTestId("two-factor-manual-key").innerText()).replace(/\s/g, "");
      nextCode = authenticator(secret);
      await section.getByLabel("Código de 6 dígitos").fill(await nextCode());
      await section.getByRole("button", { name: "Confirmar e ativar" }).click();
      await expect(section.getByRole("list", { name: "Códigos de recuperação" }).getByRole("listitem")).toHaveCount(10);
      await section.getByRole("button", { name: "Guardei meus códigos" }).click();
      await expect(section.getByText(/Ativada em/)).toBeVisible();
    });

    await test.step("Clientes shows the three customers made here", async () => {
      await page.goto("/admin");
      await expect(page).toHaveURL(`${portalOrigin()}/admin/customers`);
      await expect(page.getByRole("heading", { name: "Clientes", level: 1 })).toBeVisible();
      await page.getByLabel("Buscar").fill(`mercado ${tag}`);
      await page.getByRole("button", { name: "Filtrar" }).click();
      const rows = page.getByTestId("customer-row");
      await expect(rows).toHaveCount(3);
      for (const c of customers) await expect(rows.filter({ hasText: c.companyName })).toHaveCount(1);
      await expect(rows.filter({ hasText: `Mercado ${tag} C` })).toContainText("Em dúvida");
      await fitsAt(page, 1280, "console-customers");
      await fitsAt(page, 390, "console-customers");
      await fitsAt(page, 360, "console-customers");
      await page.setViewportSize({ width: 1280, height: 800 });
    });

    await test.step("Precisa de atenção lists the account in doubt; Tentar de novo creates it once", async () => {
      await page.goto("/admin/attention");
      const third = customers[2]!;
      const row = page.getByTestId("attention-row").filter({ hasText: third.companyName });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText("Em dúvida");
      await expect(row).toContainText("O serviço de chat não respondeu ou estava fora do ar.");
      await fitsAt(page, 1280, "console-attention");
      await fitsAt(page, 390, "console-attention");
      await fitsAt(page, 360, "console-attention");
      await page.setViewportSize({ width: 1280, height: 800 });

      await row.getByRole("button", { name: /^Tentar de novo/ }).click();
      const dialog = page.getByRole("dialog");
      await expect(dialog).toContainText("pode criar uma segunda");
      await dialog.getByRole("button", { name: "Confirmar" }).click();
      await expect(dialog.getByText("Preencha este campo.")).toBeVisible();
      await dialog.getByLabel("Motivo").fill("Cliente pediu pelo telefone");
      await shot(page, "console-attention-dialog");
      await dialog.getByRole("button", { name: "Confirmar" }).click();
      await expect(page.getByText("Resolvido.")).toBeVisible();
      await expect(page.getByTestId("attention-row").filter({ hasText: third.companyName })).toHaveCount(0);
      expect(await emulator.accountsFor(third.organizationId)).toHaveLength(1);
      await withoutToasts(page);
    });

    await test.step("the customer's Auditoria names the platform's staff and the reason", async () => {
      const third = customers[2]!;
      await third.page.goto("/team/audit");
      const entry = third.page.getByText(/Equipe da plataforma \(Ana Plataforma\) pediu uma nova tentativa/);
      await expect(entry).toBeVisible();
      await expect(third.page.getByText(/Cliente pediu pelo telefone/)).toBeVisible();
    });

    await test.step("Funil de cadastro: chart, tables, medians", async () => {
      await page.goto("/admin/funnel");
      await expect(page.getByRole("heading", { name: "Funil de cadastro", level: 1 })).toBeVisible();
      await expect(page.getByRole("img", { name: /Quantas empresas chegaram a cada passo/ })).toBeVisible();
      await expect(page.getByTestId("funnel-week-row").first()).toBeVisible();
      await fitsAt(page, 1280, "console-funnel");
      await fitsAt(page, 390, "console-funnel");
      await fitsAt(page, 360, "console-funnel");
    });
  });
});
