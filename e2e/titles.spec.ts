/**
 * Every page names itself in the browser tab ("<page> · Portal PlugChat"), in Portuguese and in
 * English, and the portal has its icon: /favicon.ico answers, and loading a page writes no error
 * to the browser console.
 */
import type { ConsoleMessage, Page } from "@playwright/test";
import { expect, portalOrigin, signUpViaApi, test } from "./fixtures";
import { joinTeamViaForm } from "./fixtures/setup";

const PRODUCT = "Portal PlugChat";
const A_TOKEN = "A".repeat(43);

/**
 * Opens `path` and checks the tab's title; console errors during the load are collected in
 * `errors`, except the browser's own note of a refusal the page answers (a 4xx from /api/trpc).
 */
async function expectTitle(page: Page, path: string, title: string, errors: string[]): Promise<void> {
  const listener = (message: ConsoleMessage) => {
    if (message.type() !== "error") return;
    const refusal = message.location().url.includes("/api/trpc/") && /status of 4\d\d/.test(message.text());
    if (!refusal) errors.push(`${path}: ${message.text()} (${message.location().url})`);
  };
  page.on("console", listener);
  await page.goto(path);
  await expect(page, path).toHaveTitle(title);
  await page.waitForLoadState("load");
  page.off("console", listener);
}

test.describe("page titles and the icon", () => {
  test("signed out: each page has its own title; /favicon.ico and the icons answer", async ({ page, request }) => {
    const errors: string[] = [];
    await test.step("the icons", async () => {
      const favicon = await request.get("/favicon.ico");
      expect(favicon.status()).toBe(200);
      expect(favicon.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
      await page.goto("/sign-in");
      // React may stream them after the first bytes of <body>: wherever they are, not only in <head>.
      const icons = page.locator('link[rel="icon"], link[rel="apple-touch-icon"]');
      const hrefs = await icons.evaluateAll((links) => links.map((l) => l.getAttribute("href") ?? ""));
      expect(hrefs.some((h) => h.startsWith("/icon.svg"))).toBe(true);
      expect(hrefs.some((h) => h.startsWith("/apple-icon.png"))).toBe(true);
      for (const href of hrefs) expect((await request.get(href)).status(), href).toBe(200);
    });

    await test.step("each page, in Portuguese", async () => {
      for (const [path, title] of [
        ["/sign-in", "Entrar"],
        ["/sign-up", "Crie sua conta"],
        ["/forgot-password", "Esqueci minha senha"],
        [`/reset-password/${A_TOKEN}`, "Crie uma nova senha"],
        [`/verify-email/${A_TOKEN}`, "Confirmar e-mail"],
        [`/invite/${A_TOKEN}`, "Convite"],
      ] as const) {
        await expectTitle(page, path, `${title} · ${PRODUCT}`, errors);
      }
      // A 404 answer is itself reported in the console ("Failed to load resource"): title only.
      await expectTitle(page, "/esta-pagina-nao-existe", `Página não encontrada · ${PRODUCT}`, []);
    });

    await test.step("in English", async () => {
      await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: portalOrigin() }]);
      await expectTitle(page, "/sign-in", "Sign in · PlugChat Portal", errors);
      await expectTitle(page, "/esta-pagina-nao-existe", "Page not found · PlugChat Portal", []);
    });
    // A missing icon, a CSP refusal, a failed script: nothing lands in the console on load.
    expect(errors).toEqual([]);
  });

  test("signed in: the dashboard, the wizard, Minha conta, Chat and every team page", async ({ page, browser }) => {
    const errors: string[] = [];
    await page.goto("/sign-in");
    const owner = await signUpViaApi(page);

    await test.step("an owner, in Portuguese", async () => {
      for (const [path, title] of [
        ["/onboarding/company", "Configuração: Empresa"],
        ["/account", "Minha conta"],
        ["/team/operators", "Operadores"],
        ["/team/departments", "Departamentos"],
        ["/team/members", "Membros"],
        ["/team/import", "Importar operadores"],
        ["/team/sync", "Sincronizar com o PlugChat"],
        ["/team/audit", "Auditoria"],
      ] as const) {
        await expectTitle(page, path, `${title} · ${PRODUCT}`, errors);
      }
      // The chat page loads the vendor's SDK: only its title is checked here.
      await expectTitle(page, "/chat", `Chat · ${PRODUCT}`, []);
    });

    await test.step("in English", async () => {
      await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: portalOrigin() }]);
      await expectTitle(page, "/onboarding/company", "Setup: Company · PlugChat Portal", errors);
      await expectTitle(page, "/team/operators", "Operators · PlugChat Portal", errors);
    });

    await test.step("a member: the dashboard (Início), and 'Sem acesso' on an admin page", async () => {
      const { page: guest, context } = await joinTeamViaForm(browser, page, "Ana Membro", { prefix: "titulos" });
      try {
        await expect(guest.getByTestId("org-name")).toHaveText(owner.companyName);
        await expectTitle(guest, "/", `Início · ${PRODUCT}`, errors);
        // A page for owners and administrators names what the member sees there.
        await expectTitle(guest, "/team/audit", `Sem acesso · ${PRODUCT}`, []);
      } finally {
        await context.close();
      }
    });
    expect(errors).toEqual([]);
  });
});
