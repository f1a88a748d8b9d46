/**
 * The same portal on the CDP gateway (CHAT_PROVIDER=cdp, second portal of scripts/e2e-server.ts,
 * CDP emulator): sign up → onboarding with a project + live-chat item → two e-mail operators →
 * deactivate one → a provider validation error (fieldErrors) shown next to its field.
 */
import { randomUUID } from "node:crypto";
import { expect, expectAccessible, shot, test, uniqueUser } from "../fixtures";
import { SignUpPage, VerifyEmailPage } from "../pages/auth";

const cdpEmulator = () => process.env.E2E_CDP_EMULATOR_URL ?? "http://127.0.0.1:4120";

interface CdpEmuState {
  operators: Array<{
    email: string | null;
    access: boolean;
    roleCode: string;
    onlyAssignedConversations: boolean;
    projectUuid: string;
    itemUuid: string;
  }>;
}

test("CDP mode: sign up → project + item → two operators → deactivate one → provider field error", async ({ page }) => {
  const user = uniqueUser("cdp");
  // A space of this test's own (a space belongs to one organization), known to the gateway.
  const space = { projectUuid: randomUUID(), itemUuid: randomUUID() };
  const added = await page.request.post(`${cdpEmulator()}/__emulator/spaces`, { data: space });
  expect(added.ok()).toBe(true);

  await test.step("sign up", async () => {
    const signUp = new SignUpPage(page);
    await signUp.goto();
    await signUp.fill(user);
    await signUp.submit();
    await expect(page).toHaveURL(/\/onboarding\/company/);
  });

  await test.step("confirm the e-mail with the link the portal sent", async () => {
    await new VerifyEmailPage(page).confirmFromMailbox(user.email);
    await expect(page).toHaveURL(/\/onboarding\/company/);
  });

  await test.step("company: project + live-chat item, checked with the provider", async () => {
    await expect(page.getByRole("heading", { name: "Configuração do Live Chat" })).toBeVisible();
    await expect(page.getByText("Passo 1 de 3")).toBeVisible();
    const progress = page.getByRole("navigation", { name: "Progresso da configuração" });
    await expect(progress.getByText("Departamentos")).toHaveCount(0);
    await expect(progress.getByText("Plano")).toHaveCount(0);
    await expect(page.getByLabel("Nome exibido no WhatsApp")).toHaveCount(0);
    // An unknown item is refused by the gateway.
    await page.getByLabel("Identificador do projeto").fill(space.projectUuid);
    await page.getByLabel("Identificador do item de Live Chat").fill(randomUUID());
    await page.getByRole("button", { name: "Conferir e conectar" }).click();
    await expect(page.getByLabel("Identificador do projeto")).toHaveAttribute("aria-invalid", "true");
    await page.getByLabel("Identificador do item de Live Chat").fill(space.itemUuid);
    await expectAccessible(page);
    await shot(page, "cdp-1-company");
    await page.getByRole("button", { name: "Conferir e conectar" }).click();
    await expect(page).toHaveURL(/\/onboarding\/operators/);
  });

  await test.step("operators: me + a second one by e-mail, role and scope", async () => {
    await expect(page.getByText("Passo 2 de 3")).toBeVisible();
    await expect(page.getByLabel("Login do chat")).toHaveCount(0);
    await expect(page.getByRole("group", { name: "Departamentos que atende" })).toHaveCount(0);
    await page.getByRole("button", { name: "Adicionar-me como operador" }).click();
    const list = page.getByTestId("operators");
    await expect(list.getByText(user.email)).toBeVisible();
    await page.getByLabel("E-mail do operador").fill("bia.lima@example.com");
    await page.getByLabel("Nome", { exact: true }).fill("Bia");
    await page.getByLabel("Sobrenome").fill("Lima");
    await page.getByLabel("Papel no chat").selectOption("SUPERVISOR");
    await page.getByLabel("Apenas conversas atribuídas").check();
    await page.getByRole("button", { name: "Adicionar operador" }).click();
    await expect(list.getByText("Bia Lima", { exact: true })).toBeVisible();
    await expect(list.getByText("Supervisor")).toBeVisible();
    await expect(page.getByLabel("E-mail do operador")).toHaveValue("");
    await expectAccessible(page);
    await shot(page, "cdp-2-operators");
  });

  await test.step("deactivate one", async () => {
    await page.getByRole("button", { name: "Desativar Bia Lima" }).click();
    await expect(page.getByRole("button", { name: "Reativar Bia Lima" })).toBeVisible();
    await expect(page.getByTestId("operators").getByText("Inativo")).toBeVisible();
    const state = (await (await page.request.get(`${cdpEmulator()}/__emulator/state`)).json()) as CdpEmuState;
    const mine = state.operators.filter((o) => o.itemUuid === space.itemUuid);
    expect(mine).toHaveLength(2);
    expect(mine.find((o) => o.email === "bia.lima@example.com")).toMatchObject({
      access: false,
      roleCode: "SUPERVISOR",
      onlyAssignedConversations: true,
    });
    expect(mine.find((o) => o.email === user.email)).toMatchObject({ access: true, roleCode: "ADMIN" });
    await shot(page, "cdp-3-deactivated");
  });

  await test.step("a provider validation error appears next to its field", async () => {
    // The gateway refuses: this e-mail already belongs to another platform user (the first operator).
    await page.getByRole("button", { name: "Alterar e-mail de Bia Lima" }).click();
    const field = page.getByLabel("Novo e-mail de Bia Lima");
    await field.fill(user.email);
    await page.getByRole("button", { name: "Salvar" }).click();
    await expect(field).toHaveAttribute("aria-invalid", "true");
    const describedBy = await field.getAttribute("aria-describedby");
    expect(describedBy).toBeTruthy();
    await expect(page.locator(`[id="${describedBy!.split(" ")[0]}"]`)).toHaveText(
      "O serviço de chat recusou: e-mail already belongs to another user",
    );
    await expectAccessible(page);
    await shot(page, "cdp-4-field-error");
    await page.getByRole("button", { name: "Cancelar" }).click();
    await expect(page.getByTestId("operators").getByText("bia.lima@example.com")).toBeVisible();
  });

  await test.step("done and dashboard: no chat SDK, no plan/departments/WhatsApp", async () => {
    await page.getByRole("button", { name: "Continuar" }).click();
    await expect(page).toHaveURL(/\/onboarding\/done/);
    await expect(page.getByText("Passo 3 de 3")).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "Abrir chat" })).toHaveCount(0);
    await expectAccessible(page);
    await shot(page, "cdp-5-done");
    await page.goto("/");
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId("summary-space")).toBeVisible();
    await expect(page.getByTestId("summary-operators")).toContainText("1 ativo · 1 inativo");
    for (const id of ["summary-plan", "summary-departments", "summary-whatsapp"])
      await expect(page.getByTestId(id)).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Abrir chat" })).toHaveCount(0);
    await expectAccessible(page);
    await shot(page, "cdp-6-dashboard");
  });

  await test.step("WhatsApp: not in the navigation; the page explains where it is linked", async () => {
    const nav = page.getByRole("navigation", { name: "Navegação principal" });
    await expect(nav.getByRole("link", { name: "Equipe" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "WhatsApp" })).toHaveCount(0);
    await page.goto("/whatsapp");
    await expect(page.getByTestId("whatsapp-unsupported")).toContainText(
      "o WhatsApp é ligado na própria plataforma de atendimento",
    );
    await expect(page.getByRole("button", { name: "Gerar novo código" })).toHaveCount(0);
    for (const [width, height] of [
      [390, 844],
      [360, 780],
    ] as const) {
      await page.setViewportSize({ width, height });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
      await expectAccessible(page);
      await shot(page, `cdp-7-whatsapp-${width}`);
    }
  });
});
