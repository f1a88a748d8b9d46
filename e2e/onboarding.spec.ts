/**
 * The self-service onboarding wizard as a new customer, end to end: production build +
 * PlugChat emulator. One account per organization whatever happens (faults, double submits).
 */
import type { Page } from "@playwright/test";
import { SignUpPage, VerifyEmailPage } from "./pages/auth";
import {
  expect,
  expectAccessible,
  portalOrigin,
  shot,
  test,
  uniqueUser,
  withoutToasts,
  type EmulatorControl,
} from "./fixtures";
import { atEveryWidth, joinTeamViaForm } from "./fixtures/setup";
import { E2E_PASSWORDS } from "./secrets";

async function signUp(page: Page) {
  const user = uniqueUser("onb");
  const signUpPage = new SignUpPage(page);
  await signUpPage.goto();
  await signUpPage.fill(user);
  await signUpPage.submit();
  await expect(page).toHaveURL(/\/onboarding\/company/);
  await expect(page.getByTestId("org-name")).toHaveText(user.companyName);
  // Nothing is created at the chat provider before the e-mail is confirmed: the step waits for it.
  await page.getByRole("button", { name: "Criar conta de chat" }).click();
  await expect(page.getByRole("heading", { name: "Confirme seu e-mail" })).toBeVisible();
  await expect(page.getByText(`Enviamos um link de confirmação para ${user.email}`)).toBeVisible();
  await new VerifyEmailPage(page).confirmFromMailbox(user.email);
  await expect(page).toHaveURL(/\/onboarding\/company/);
  return user;
}

async function orgIdOf(page: Page): Promise<string> {
  const res = await page.request.get("/api/trpc/me.get");
  const body = (await res.json()) as { result: { data: { json: { organization: { id: string } } } } };
  return body.result.data.json.organization.id;
}

async function accountsFor(emulator: EmulatorControl, orgId: string) {
  return emulator.accountsFor(orgId);
}

const EXTENSION_TOKEN = "GET /account/:id/extension-token";
const SUBSCRIPTION = "POST /account/:id/subscription";

test.describe("onboarding wizard", () => {
  test("a new customer goes through every step and opens the chat logged in", async ({ page, emulator, browser }) => {
    // The whole journey, then the WhatsApp page as owner, in English and as a member, with
    // three widths each: longer than the default on a 2-core machine.
    test.setTimeout(600_000);
    const user = await signUp(page);
    const orgId = await orgIdOf(page);

    await test.step("1 empresa", async () => {
      await expect(page.getByRole("heading", { name: "Sua empresa" })).toBeVisible();
      await expect(page.getByLabel("Nome da empresa")).toHaveValue(user.companyName);
      await page.getByLabel("Nome exibido no WhatsApp").fill("Padaria Pão Quente");
      // No promise of a QR code the portal never shows: the name appears once WhatsApp is connected.
      await expect(page.getByText(/QR code/i)).toHaveCount(0);
      await expect(page.getByText(/depois que você conectar o WhatsApp na última etapa/)).toBeVisible();
      await expectAccessible(page);
      await shot(page, "onboarding-1-empresa");
      await page.getByRole("button", { name: "Criar conta de chat" }).click();
      await expect(page).toHaveURL(/\/onboarding\/departments/);
      expect(await accountsFor(emulator, orgId)).toHaveLength(1);
    });

    await test.step("2 departamentos", async () => {
      const list = page.getByTestId("departments");
      await expect(list.getByText("Geral", { exact: true })).toBeVisible();
      await expect(list.getByText("Padrão")).toBeVisible();
      await page.getByRole("button", { name: "Adicionar Suporte" }).click();
      await expect(list.getByText("Suporte", { exact: true })).toBeVisible();
      await expect(page.getByRole("button", { name: "Adicionar Suporte" })).toHaveCount(0);
      await page.getByLabel("Nome do novo departamento").fill("Entregas");
      await page.getByRole("button", { name: "Adicionar departamento" }).click();
      await expect(list.getByText("Entregas", { exact: true })).toBeVisible();
      await page.getByRole("button", { name: "Desativar Entregas" }).click();
      await expect(page.getByRole("button", { name: "Reativar Entregas" })).toBeVisible();
      await expectAccessible(page);
      await shot(page, "onboarding-2-departamentos");
    });

    await test.step("reload resumes at the same step with the data", async () => {
      await page.reload();
      await expect(page).toHaveURL(/\/onboarding\/departments/);
      await expect(page.getByTestId("departments").getByText("Entregas", { exact: true })).toBeVisible();
      await page.goto("/");
      await expect(page).toHaveURL(/\/onboarding\/departments/);
      await page.goto("/onboarding/company");
      await expect(page.getByText("A conta de chat da sua empresa já foi criada.")).toBeVisible();
      await page.goto("/onboarding/plan");
      await expect(page).toHaveURL(/\/onboarding\/departments/);
      await page.getByRole("button", { name: "Continuar" }).click();
      await expect(page).toHaveURL(/\/onboarding\/operators/);
    });

    await test.step("3 operadores", async () => {
      await expect(page.getByText(`O primeiro operador do chat será ${user.name}`)).toBeVisible();
      await page.getByRole("button", { name: "Adicionar-me como operador" }).click();
      const list = page.getByTestId("operators");
      await expect(list.getByText(user.name, { exact: true })).toBeVisible();
      await expect(list.getByText("Você")).toBeVisible();
      await page.getByLabel("Nome do operador").fill("João Lima");
      await page.getByRole("group", { name: "Departamentos que atende" }).getByLabel("Suporte").check();
      await page.getByLabel("Login do chat").fill("joao.lima");
      await page.getByLabel("Senha do chat (opcional)", { exact: true }).fill(E2E_PASSWORDS.chatOperator);
      await page.setViewportSize({ width: 360, height: 780 });
      await shot(page, "onboarding-operators-form-360");
      await page.setViewportSize({ width: 1280, height: 720 });
      await shot(page, "onboarding-operators-form-1280");
      await page.getByRole("button", { name: "Adicionar operador" }).click();
      await expect(list.getByText("João Lima", { exact: true })).toBeVisible();
      await expectAccessible(page);
      await shot(page, "onboarding-3-operadores");
      await page.getByRole("button", { name: "Continuar" }).click();
      await expect(page).toHaveURL(/\/onboarding\/plan/);
    });

    await test.step("4 plano: price, total and a confirmation before subscribing", async () => {
      await expect(page.getByTestId("trial-days")).toHaveText("Seu período de teste termina em 7 dias.");
      await expect(page.getByTestId("plan-price")).toHaveText("Preço por operador: R$ 49,90 por mês");
      const seats = page.getByLabel("Quantidade de operadores na assinatura");
      await expect(seats).toHaveValue("2");
      await expect(page.getByTestId("plan-total")).toHaveText("2 operadores × R$ 49,90 = R$ 99,80 por mês");
      await seats.fill("1");
      await page.getByRole("button", { name: "Assinar agora" }).click();
      await expect(page.getByText("O plano precisa de pelo menos 2 operadores.")).toBeVisible();
      await expect(page.getByRole("dialog")).toHaveCount(0);
      await seats.fill("3");
      await expect(page.getByTestId("plan-total")).toHaveText("3 operadores × R$ 49,90 = R$ 149,70 por mês");
      await atEveryWidth(page, "onboarding-4-plano");
      const subscriptions = await emulator.requestCount(SUBSCRIPTION);
      await page.getByRole("button", { name: "Assinar agora" }).click();
      const dialog = page.getByRole("dialog", { name: "Confirmar assinatura" });
      await expect(dialog).toContainText("Você vai assinar 3 operadores por R$ 149,70 por mês (R$ 49,90 cada).");
      await atEveryWidth(page, "onboarding-4-plano-confirmar");
      // "Voltar" subscribes nothing.
      await dialog.getByRole("button", { name: "Voltar" }).click();
      await expect(dialog).toBeHidden();
      expect(await emulator.requestCount(SUBSCRIPTION)).toBe(subscriptions);
      await page.getByRole("button", { name: "Assinar agora" }).click();
      await dialog.getByRole("button", { name: "Confirmar e assinar" }).click();
      await expect(page).toHaveURL(/\/onboarding\/whatsapp/);
      expect(await emulator.requestCount(SUBSCRIPTION)).toBe(subscriptions + 1);
    });

    await test.step("5 whatsapp: a readable code to copy, a countdown, a new code once it expires", async () => {
      await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
      const code = page.getByTestId("whatsapp-code");
      await expect(code).toHaveAttribute("data-code", /^.{32}$/);
      const first = (await code.getAttribute("data-code"))!;
      // Groups of four, and the text is the code itself (no spaces to copy by hand).
      await expect(code.locator(":scope > span")).toHaveCount(8);
      await expect(code).toHaveText(first);
      const howTo = page.getByRole("list", { name: "Como conectar" });
      await expect(howTo.getByRole("listitem")).toHaveCount(5);
      await expect(howTo.getByRole("listitem").first()).toHaveText(
        "Copie o código abaixo com o botão “Copiar código”.",
      );
      await expect(page.getByTestId("whatsapp-countdown")).toHaveText(/^Expira em \d+ segundos$/);
      await page.getByRole("button", { name: /^Copiar código/ }).click();
      await expect(page.getByRole("status").filter({ hasText: "Copiado" })).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);
      await atEveryWidth(page, "onboarding-5-whatsapp");

      // A code the vendor issues about to expire: the page says so and offers a new one.
      await emulator.advanceClock(-58_000);
      try {
        await page.getByRole("button", { name: "Gerar novo código" }).click();
        await expect(code).not.toHaveAttribute("data-code", first);
        await expect(page.getByText("Este código expirou. Gere um novo para continuar.")).toBeVisible();
        await expect(page.getByRole("button", { name: /^Copiar código/ })).toHaveCount(0);
      } finally {
        await emulator.advanceClock(58_000);
      }
      await atEveryWidth(page, "onboarding-5-whatsapp-expirado");
      const expired = (await code.getAttribute("data-code"))!;
      await page.getByRole("button", { name: "Gerar novo código" }).click();
      await expect(code).not.toHaveAttribute("data-code", expired);
      await expect(page.getByTestId("whatsapp-countdown")).toHaveText(/^Expira em (5\d|60) segundos$/);

      await page.getByRole("button", { name: "Já conectei, continuar" }).click();
      await expect(page).toHaveURL(/\/onboarding\/done/);
    });

    await test.step("6 concluído → abrir chat", async () => {
      await expect(page.getByRole("heading", { name: "Tudo pronto!" })).toBeVisible();
      await expectAccessible(page);
      await shot(page, "onboarding-6-concluido");
      await page.getByRole("main").getByRole("link", { name: "Abrir chat" }).click();
      await expect(page).toHaveURL(/\/chat$/);
      await expect(page.getByTestId("plugchat-sdk")).toContainText(`Logado como ${user.name}`);
      await shot(page, "onboarding-7-chat");
    });

    await test.step("dashboard at a glance", async () => {
      const codesAsked = await emulator.requestCount(EXTENSION_TOKEN);
      await page.goto("/");
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByTestId("plugchat-sdk")).toHaveCount(0);
      await expect(page.getByTestId("summary-plan")).toContainText("3 operadores");
      await expect(page.getByTestId("summary-departments")).toContainText("2 ativos · 1 inativo");
      await expect(page.getByTestId("summary-operators")).toContainText("2 ativos");
      // What the person said, as said: not a claim the portal checked.
      const whatsapp = page.getByTestId("summary-whatsapp");
      await expect(whatsapp).toContainText("Conexão informada");
      await expect(whatsapp.getByTestId("summary-whatsapp-reported")).toHaveText(
        /^Você informou que conectou em \d{1,2} de \p{L}+ de \d{4}\D+\d{2}:\d{2}\.$/u,
      );
      await expect(page.getByRole("link", { name: "Abrir chat" }).first()).toBeVisible();
      const reconcile = page.getByTestId("reconcile-status");
      await reconcile.getByRole("button", { name: "Verificar agora" }).click();
      await expect(page.getByText(/Verificação concluída: nada a corrigir/)).toBeVisible();
      await expect(reconcile).toContainText(/Última verificação .*: nada a corrigir/);
      await withoutToasts(page);
      await atEveryWidth(page, "onboarding-8-dashboard");
      await page.reload();
      await expect(whatsapp).toContainText("Conexão informada");
      // The wizard's code stored the WhatsApp answer: two dashboard loads asked the vendor nothing.
      expect(await emulator.requestCount(EXTENSION_TOKEN)).toBe(codesAsked);
      expect(await accountsFor(emulator, orgId)).toHaveLength(1);
    });

    await test.step("the WhatsApp page, from the dashboard and the navigation", async () => {
      await page.getByTestId("summary-whatsapp").getByRole("link", { name: "Ver WhatsApp" }).click();
      await expect(page).toHaveURL(/\/whatsapp$/);
      await expect(page.getByRole("heading", { level: 1, name: "WhatsApp" })).toBeVisible();
      await expect(page).toHaveTitle("WhatsApp · Portal PlugChat");
      await expect(page.getByTestId("whatsapp-status")).toContainText("Pronto para conectar");
      await expect(page.getByTestId("whatsapp-reported")).toHaveText(/^Você informou que conectou em .+\.$/);
      // Already reported: no code is asked for until the person wants one.
      await expect(page.getByTestId("whatsapp-code")).toHaveCount(0);
      await page.getByRole("button", { name: "Gerar novo código" }).click();
      await expect(page.getByTestId("whatsapp-code")).toHaveAttribute("data-code", /^.{32}$/);
      // The page's own copy button puts the whole code, ungrouped, on the clipboard.
      const pageCode = await page.getByTestId("whatsapp-code").getAttribute("data-code");
      await page.getByRole("button", { name: /^Copiar código/ }).click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(pageCode);
      await page.getByRole("button", { name: "Já conectei" }).click();
      await expect(page.getByTestId("whatsapp-reported")).toHaveText(/^Você informou que conectou em .+\.$/);
      await atEveryWidth(page, "whatsapp-page");
      await page.goto("/");
      await page
        .getByRole("navigation", { name: "Navegação principal" })
        .getByRole("link", { name: "WhatsApp" })
        .click();
      await expect(page).toHaveURL(/\/whatsapp$/);
    });

    await test.step("the WhatsApp page and the plan step in English", async () => {
      await page.getByRole("button", { name: "English" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "WhatsApp" })).toBeVisible();
      await expect(page.getByTestId("whatsapp-status")).toContainText("Ready to connect");
      await expect(page.getByTestId("whatsapp-reported")).toHaveText(/^You reported connecting on .+\.$/);
      await expect(page.getByRole("heading", { name: "How to connect" })).toBeVisible();
      await page.getByRole("button", { name: "Create a new code" }).click();
      await expect(page.getByTestId("whatsapp-countdown")).toHaveText(/^Expires in \d+ seconds$/);
      await expect(page.getByRole("button", { name: /^Copy code/ })).toBeVisible();
      await atEveryWidth(page, "whatsapp-page-en");
      await page.goto("/onboarding/plan");
      await expect(page.getByTestId("plan-price")).toHaveText("Price per operator: R$49.90 a month");
      await page.getByLabel("Operators in the subscription").fill("4");
      await expect(page.getByTestId("plan-total")).toHaveText("4 operators × R$49.90 = R$199.60 a month");
      await page.getByRole("button", { name: "Subscribe now" }).click();
      await expect(page.getByRole("dialog", { name: "Confirm subscription" })).toContainText(
        "You are subscribing 4 operators for R$199.60 a month (R$49.90 each).",
      );
      await atEveryWidth(page, "onboarding-4-plan-en");
      await page.getByRole("dialog").getByRole("button", { name: "Go back" }).click();
      await page.goto("/onboarding/whatsapp");
      await expect(page.getByRole("heading", { name: "Connect WhatsApp" })).toBeVisible();
      await expect(page.getByTestId("whatsapp-countdown")).toHaveText(/^Expires in \d+ seconds$/);
      await expect(page.getByRole("button", { name: "I have connected, continue" })).toBeEnabled();
      await atEveryWidth(page, "onboarding-5-whatsapp-en");
      await page.goto("/");
      await expect(page.getByTestId("summary-whatsapp")).toContainText("Connection reported");
      await expect(page.getByTestId("summary-whatsapp-reported")).toHaveText(/^You reported connecting on .+\.$/);
      await atEveryWidth(page, "onboarding-8-dashboard-en");
      await page.getByRole("button", { name: "Português" }).click();
      await expect(page.getByRole("button", { name: "Português" })).toHaveAttribute("aria-pressed", "true");
      await page.goto("/onboarding/plan");
      await expect(page.getByTestId("plan-price")).toHaveText("Preço por operador: R$ 49,90 por mês");
    });

    await test.step("a member reads the WhatsApp page and cannot act", async () => {
      const { page: guest, context } = await joinTeamViaForm(browser, page, "Ana Membro", { prefix: "wa-membro" });
      try {
        await expect(guest.getByTestId("org-name")).toHaveText(user.companyName);
        await guest.goto(`${portalOrigin()}/`);
        await expect(guest.getByTestId("summary-whatsapp-reported")).toHaveText(
          new RegExp(`^${user.name} informou que conectou em .+\\.$`),
        );
        await guest.getByTestId("summary-whatsapp").getByRole("link", { name: "Ver WhatsApp" }).click();
        await expect(guest).toHaveURL(/\/whatsapp$/);
        await expect(
          guest.getByText("Só quem administra a conta pode gerar o código e conectar o WhatsApp."),
        ).toBeVisible();
        await expect(guest.getByRole("button", { name: /Gerar novo código|Já conectei/ })).toHaveCount(0);
        await atEveryWidth(guest, "whatsapp-page-membro");
      } finally {
        await context.close();
      }
    });
  });

  test("a vendor failure on step 1 is explained in Portuguese and the confirmed retry makes exactly one account", async ({
    page,
    emulator,
  }) => {
    await signUp(page);
    const orgId = await orgIdOf(page);
    await emulator.addFault({ method: "POST", path: "^/account$", kind: "status", status: 503, times: 1 });
    await page.getByRole("button", { name: "Criar conta de chat" }).click();
    await expect(
      page.getByText("O serviço de chat não confirmou se a conta foi criada.", { exact: false }),
    ).toBeVisible();
    const attention = page.getByTestId("needs-attention");
    await expect(attention).toContainText("o serviço respondeu com erro 503");
    await expectAccessible(page);
    await shot(page, "onboarding-9-falha-empresa");
    expect(await accountsFor(emulator, orgId)).toHaveLength(0);
    await emulator.clearFaults();
    // After a reload the facts are still there (nothing was re-sent on its own).
    await page.reload();
    await expect(page.getByTestId("needs-attention")).toBeVisible();
    await page.getByRole("button", { name: "Tentar criar novamente" }).click();
    await page.getByRole("button", { name: "Sim, criar a conta novamente" }).click();
    await expect(page).toHaveURL(/\/onboarding\/departments/);
    expect(await accountsFor(emulator, orgId)).toHaveLength(1);
  });

  test("a double submit of step 1 (double click and parallel requests) makes exactly one account", async ({
    page,
    emulator,
  }) => {
    await signUp(page);
    const orgId = await orgIdOf(page);
    const origin = new URL(page.url()).origin;
    const post = () =>
      page.request.post("/api/trpc/onboarding.createAccount", {
        data: { json: { companyName: "Padaria Dupla", sessionName: "Padaria Dupla" } },
        headers: { "content-type": "application/json", origin, "x-organization-id": orgId },
      });
    await page.getByRole("button", { name: "Criar conta de chat" }).dblclick();
    const responses = await Promise.all([post(), post(), post()]);
    for (const r of responses) expect(r.status()).toBe(200);
    await expect(page).toHaveURL(/\/onboarding\/departments/);
    expect(await accountsFor(emulator, orgId)).toHaveLength(1);
  });
});
