/**
 * The self-service onboarding wizard as a new customer, end to end: production build +
 * PlugChat emulator. One account per organization whatever happens (faults, double submits).
 */
import type { Page } from "@playwright/test";
import { SignUpPage, VerifyEmailPage } from "./pages/auth";
import { expect, expectAccessible, shot, test, uniqueUser, type EmulatorControl } from "./fixtures";
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

test.describe("onboarding wizard", () => {
  test("a new customer goes through every step and opens the chat logged in", async ({ page, emulator }) => {
    const user = await signUp(page);
    const orgId = await orgIdOf(page);

    await test.step("1 empresa", async () => {
      await expect(page.getByRole("heading", { name: "Sua empresa" })).toBeVisible();
      await expect(page.getByLabel("Nome da empresa")).toHaveValue(user.companyName);
      await page.getByLabel("Nome exibido no WhatsApp").fill("Padaria Pão Quente");
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

    await test.step("4 plano", async () => {
      await expect(page.getByTestId("trial-days")).toHaveText("Seu período de teste termina em 7 dias.");
      await expect(page.getByLabel("Quantidade de operadores na assinatura")).toHaveValue("2");
      await page.getByLabel("Quantidade de operadores na assinatura").fill("1");
      await page.getByRole("button", { name: "Assinar agora" }).click();
      await expect(page.getByText("O plano precisa de pelo menos 2 operadores.")).toBeVisible();
      await page.getByLabel("Quantidade de operadores na assinatura").fill("3");
      await expectAccessible(page);
      await shot(page, "onboarding-4-plano");
      await page.getByRole("button", { name: "Assinar agora" }).click();
      await expect(page).toHaveURL(/\/onboarding\/whatsapp/);
    });

    await test.step("5 whatsapp", async () => {
      await expect(page.getByTestId("whatsapp-code")).not.toBeEmpty();
      const first = await page.getByTestId("whatsapp-code").textContent();
      await expect(page.getByTestId("whatsapp-countdown")).toContainText("Expira em");
      await page.getByRole("button", { name: "Gerar novo código" }).click();
      await expect(page.getByTestId("whatsapp-code")).not.toHaveText(first ?? "");
      await expectAccessible(page);
      await shot(page, "onboarding-5-whatsapp");
      await page.getByRole("button", { name: "Pular esta etapa" }).click();
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
      await page.goto("/");
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByTestId("plugchat-sdk")).toHaveCount(0);
      await expect(page.getByTestId("summary-plan")).toContainText("3 operadores");
      await expect(page.getByTestId("summary-departments")).toContainText("2 ativos · 1 inativo");
      await expect(page.getByTestId("summary-operators")).toContainText("2 ativos");
      await expect(page.getByRole("link", { name: "Abrir chat" }).first()).toBeVisible();
      const reconcile = page.getByTestId("reconcile-status");
      await reconcile.getByRole("button", { name: "Verificar agora" }).click();
      await expect(page.getByText(/Verificação concluída: nada a corrigir/)).toBeVisible();
      await expect(reconcile).toContainText(/Última verificação .*: nada a corrigir/);
      await expectAccessible(page);
      await shot(page, "onboarding-8-dashboard");
      expect(await accountsFor(emulator, orgId)).toHaveLength(1);
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
