/**
 * The team pages on the CDP gateway (CHAT_PROVIDER=cdp portal, CDP emulator): no
 * "Departamentos" in the navigation, the operators table with e-mail and role, the operator
 * dialog asking e-mail / first and last name / role / only-assigned / enabled, edit,
 * deactivate and reactivate, and a provider validation error (fieldErrors) next to its field.
 */
import type { Page } from "@playwright/test";
import { expect, expectAccessible, shot, test, uniqueUser, withoutToasts } from "../fixtures";
import { cdpEmulatorOrigin, cdpOwnerWithSpaceViaApi } from "../fixtures/setup";
import { trpcMutation } from "../pages/team";

interface CdpEmuState {
  operators: Array<{
    email: string | null;
    firstName: string | null;
    lastName: string | null;
    access: boolean;
    roleCode: string;
    onlyAssignedConversations: boolean;
    itemUuid: string;
  }>;
}

async function bindingsOf(page: Page, itemUuid: string) {
  const state = (await (await page.request.get(`${cdpEmulatorOrigin()}/__emulator/state`)).json()) as CdpEmuState;
  return state.operators.filter((o) => o.itemUuid === itemUuid);
}

test("CDP mode: team operators by e-mail and role, no departments, provider field error next to its field", async ({
  page,
}) => {
  const user = uniqueUser("cdpteam");
  let space!: { projectUuid: string; itemUuid: string };

  await test.step("set-up through the API: sign up, connect the space, me as the first operator", async () => {
    space = await cdpOwnerWithSpaceViaApi(page, user);
    await trpcMutation(page, "operators.create", {
      email: user.email,
      firstName: "Maria",
      lastName: "Souza",
      roleCode: "ADMIN",
      onlyAssignedConversations: false,
      active: true,
      linkToMe: true,
    });
    await trpcMutation(page, "onboarding.completeStep", { step: "operators" });
  });

  await test.step("no Departamentos in the navigation; its address explains why", async () => {
    await page.goto("/team/operators");
    const nav = page.getByRole("navigation", { name: "Navegação principal" });
    await expect(nav.getByRole("link", { name: "Operadores" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Departamentos" })).toHaveCount(0);
    await page.goto("/team/departments");
    await expect(page.getByTestId("departments-not-available")).toContainText("não usa departamentos");
    await expectAccessible(page);
    await shot(page, "cdp-team-1-no-departments");
    await page.getByRole("link", { name: "Ir para Operadores" }).click();
    await expect(page).toHaveURL(/\/team\/operators$/);
  });

  await test.step("the table shows e-mail and role; no department or admin filter", async () => {
    await expect(page.getByRole("heading", { name: "Operadores", level: 1 })).toBeVisible();
    const table = page.getByRole("table");
    await expect(table.getByRole("columnheader", { name: "E-mail" })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: "Papel no chat" })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: "Departamentos" })).toHaveCount(0);
    await expect(page.getByLabel("Departamento", { exact: true })).toHaveCount(0);
    await expect(page.getByLabel("Administrador do chat")).toHaveCount(0);
    await expect(page.getByLabel("Papel no chat")).toBeVisible();
    const me = page.getByTestId("operator-row").filter({ hasText: user.email });
    await expect(me).toContainText("Administrador");
  });

  await test.step("create: e-mail, first and last name, role, only assigned conversations", async () => {
    await page.getByRole("button", { name: "Novo operador" }).click();
    const dialog = page.getByRole("dialog", { name: "Novo operador" });
    await expect(dialog.getByLabel("Login do chat (opcional)")).toHaveCount(0);
    await expect(dialog.getByRole("group", { name: "Departamentos que atende" })).toHaveCount(0);
    await expect(dialog.getByLabel("Ativo (pode entrar no chat)")).toBeChecked();
    await dialog.getByLabel("E-mail do operador").fill("bia.lima@example.com");
    await dialog.getByLabel("Nome", { exact: true }).fill("Bia");
    await dialog.getByLabel("Sobrenome").fill("Lima");
    await dialog.getByLabel("Papel no chat").selectOption("SUPERVISOR");
    await dialog.getByLabel("Apenas conversas atribuídas").check();
    await expectAccessible(page);
    await shot(page, "cdp-team-2-create-dialog");
    await dialog.getByRole("button", { name: "Salvar" }).click();
    const row = page.getByTestId("operator-row").filter({ hasText: "bia.lima@example.com" });
    await expect(row).toContainText("Bia Lima");
    await expect(row).toContainText("Supervisor");
    await expect(row).toContainText("Só conversas atribuídas");
    await expect(row).toContainText("Ativo");
    expect((await bindingsOf(page, space.itemUuid)).find((o) => o.email === "bia.lima@example.com")).toMatchObject({
      firstName: "Bia",
      lastName: "Lima",
      roleCode: "SUPERVISOR",
      onlyAssignedConversations: true,
      access: true,
    });
  });

  await test.step("edit: last name and role", async () => {
    await page.getByRole("button", { name: "Editar Bia Lima" }).click();
    const edit = page.getByRole("dialog", { name: "Editar operador" });
    await expect(edit.getByLabel("E-mail do operador")).toHaveValue("bia.lima@example.com");
    await expect(edit.getByLabel("Papel no chat")).toHaveValue("SUPERVISOR");
    await expect(edit.getByLabel("Apenas conversas atribuídas")).toBeChecked();
    await edit.getByLabel("Sobrenome").fill("Lima Souza");
    await edit.getByLabel("Papel no chat").selectOption("ADMIN");
    await edit.getByLabel("Apenas conversas atribuídas").uncheck();
    await edit.getByRole("button", { name: "Salvar" }).click();
    await expect(edit).toHaveCount(0);
    const row = page.getByTestId("operator-row").filter({ hasText: "bia.lima@example.com" });
    await expect(row).toContainText("Bia Lima Souza");
    await expect(row).toContainText("Administrador");
    await expect(row).not.toContainText("Só conversas atribuídas");
    expect((await bindingsOf(page, space.itemUuid)).find((o) => o.email === "bia.lima@example.com")).toMatchObject({
      lastName: "Lima Souza",
      roleCode: "ADMIN",
      onlyAssignedConversations: false,
    });
  });

  await test.step("deactivate and reactivate", async () => {
    const row = page.getByTestId("operator-row").filter({ hasText: "bia.lima@example.com" });
    await row.getByRole("button", { name: "Desativar Bia Lima Souza" }).click();
    await expect(row).toContainText("Inativo");
    await expect(page.getByText("Desativamos o acesso de Bia Lima Souza ao chat.")).toBeVisible();
    expect((await bindingsOf(page, space.itemUuid)).find((o) => o.email === "bia.lima@example.com")?.access).toBe(
      false,
    );
    await row.getByRole("button", { name: "Reativar Bia Lima Souza" }).click();
    await expect(row.getByRole("button", { name: "Desativar Bia Lima Souza" })).toBeVisible();
    await expect(row).toContainText("Ativo");
    // The row flips at once (optimistic); the toast says the chat service confirmed it.
    await expect(page.getByText("Bia Lima Souza voltou a ter acesso ao chat.")).toBeVisible();
    const bindings = await bindingsOf(page, space.itemUuid);
    expect(bindings).toHaveLength(2);
    expect(bindings.find((o) => o.email === "bia.lima@example.com")?.access).toBe(true);
    await withoutToasts(page);
    await expectAccessible(page);
    await shot(page, "cdp-team-3-operators");
  });

  await test.step("a provider validation error appears next to its field", async () => {
    // The gateway refuses: this e-mail already belongs to another platform user (the first operator).
    await page.getByRole("button", { name: "Editar Bia Lima Souza" }).click();
    const edit = page.getByRole("dialog", { name: "Editar operador" });
    const email = edit.getByLabel("E-mail do operador");
    await email.fill(user.email);
    await edit.getByRole("button", { name: "Salvar" }).click();
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(email).toBeFocused();
    const describedBy = await email.getAttribute("aria-describedby");
    expect(describedBy).toBeTruthy();
    await expect(page.locator(`[id="${describedBy!.split(" ")[0]}"]`)).toHaveText(
      "O serviço de chat recusou: e-mail already belongs to another user",
    );
    // Only that field: the others are not marked.
    await expect(edit.getByLabel("Sobrenome")).not.toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);
    await shot(page, "cdp-team-4-field-error");
    await edit.getByRole("button", { name: "Cancelar" }).click();
    await expect(page.getByTestId("operator-row").filter({ hasText: "bia.lima@example.com" })).toBeVisible();
  });

  await test.step("the audit log names the CDP actions", async () => {
    await page.getByRole("link", { name: "Auditoria" }).click();
    await expect(page.getByRole("heading", { name: "Auditoria", level: 1 })).toBeVisible();
    await page.getByLabel("Ação", { exact: true }).selectOption({ label: "Live Chat conectado" });
    await page.getByRole("button", { name: "Filtrar" }).click();
    await expect(page).toHaveURL(/action=account\.connect/);
    await expect(page.getByTestId("audit-row")).toHaveCount(1);
    await page.getByLabel("Ação", { exact: true }).selectOption({ label: "Operador alterado" });
    await page.getByRole("button", { name: "Filtrar" }).click();
    // Edit + deactivate + reactivate succeeded; the refused e-mail change is a failure.
    await expect(page.getByTestId("audit-row")).toHaveCount(4);
    await expect(page.getByTestId("audit-row").filter({ hasText: "Falha" })).toHaveCount(1);
    await expectAccessible(page);
    await shot(page, "cdp-team-5-audit");
  });
});
