/**
 * The operator form in the wizard's operators step and in the team's Novo/Editar operador dialog
 * (issue 14 items 4–7): inactive departments are not offered (an operator already in one keeps
 * it, marked), a name that differs only by accents or case is refused next to the name field,
 * an operator with no department is saved only after "Este operador não receberá atendimentos",
 * and a row still being created when the page reloads settles on its own.
 */
import type { Page } from "@playwright/test";
import { expect, shot, signUpViaApi, test, type EmulatorControl } from "./fixtures";
import { atEveryWidth } from "./fixtures/setup";
import { trpcMutation, trpcQuery } from "./pages/team";

interface Department {
  id: string;
  name: string;
  version: number;
}

/** An organization with its chat account, "Suporte" and an inactive "Entregas". */
async function organizationWithDepartments(page: Page): Promise<{ suporte: Department; entregas: Department }> {
  await page.goto("/sign-in");
  const owner = await signUpViaApi(page);
  await trpcMutation(page, "onboarding.createAccount", { companyName: owner.companyName, sessionName: "Loja" });
  const suporte = await trpcMutation<Department>(page, "departments.create", { name: "Suporte" });
  const entregas = await trpcMutation<Department>(page, "departments.create", { name: "Entregas" });
  return { suporte, entregas };
}

async function deactivate(page: Page, department: Department): Promise<void> {
  const current = await trpcQuery<{ items: Department[] }>(page, "departments.list", undefined);
  const version = current.items.find((d) => d.id === department.id)!.version;
  await trpcMutation(page, "departments.update", { id: department.id, version, active: false });
}

/** Holds the chat service's answer to the next operator create for 2.5 s. */
async function slowOperatorCreate(emulator: EmulatorControl): Promise<void> {
  await emulator.addFault({ method: "POST", path: "/operators$", kind: "latency", latencyMs: 2_500, times: 1 });
}

/** Waits until the server holds `name` as a row being created (the create request is in flight). */
async function untilPending(page: Page, name: string): Promise<void> {
  await expect
    .poll(async () => {
      const list = await trpcQuery<{ items: Array<{ name: string; state: string }> }>(
        page,
        "operators.list",
        undefined,
      );
      return list.items.find((o) => o.name === name)?.state;
    })
    .toBe("pending");
}

/** The wizard's operators step with "Suporte" and the inactive "Entregas" (and the operators given). */
async function wizardOperatorsStep(
  page: Page,
  operators: Array<{ name: string; departments: Array<"suporte" | "entregas"> }> = [],
) {
  const departments = await organizationWithDepartments(page);
  for (const o of operators)
    await trpcMutation(page, "operators.create", {
      name: o.name,
      isAdmin: false,
      departmentIds: o.departments.map((d) => departments[d].id),
    });
  await deactivate(page, departments.entregas);
  await trpcMutation(page, "onboarding.completeStep", { step: "departments" });
  await page.goto("/onboarding/operators");
  const form = page.getByRole("form", { name: "Adicionar operador" });
  return {
    form,
    name: form.getByLabel("Nome do operador"),
    departments: form.getByRole("group", { name: "Departamentos que atende" }),
    add: form.getByRole("button", { name: "Adicionar operador" }),
    list: page.getByTestId("operators"),
  };
}

test.describe("operator forms: wizard step", () => {
  test("4: an inactive department is not offered", async ({ page }) => {
    const { departments } = await wizardOperatorsStep(page);
    await expect(departments.getByLabel("Suporte")).toBeVisible();
    await expect(departments.getByText("Entregas")).toHaveCount(0);
    await atEveryWidth(page, "wizard-operator-form");
  });

  test("5: the same name without accents is refused next to the name field, cleared on edit", async ({ page }) => {
    const { name, departments, add, list } = await wizardOperatorsStep(page, [
      { name: "João Conceição", departments: ["suporte"] },
    ]);
    await name.fill("joao  conceicao");
    await departments.getByLabel("Suporte").check();
    await add.click();
    await expect(name).toHaveAttribute("aria-invalid", "true");
    await expect(name).toHaveAccessibleDescription(/Já existe um operador com o nome João Conceição/);
    await expect(page.getByRole("alert").filter({ hasText: "item" })).toHaveCount(0);
    await atEveryWidth(page, "wizard-operator-name-taken");
    await name.fill("Rita Alves");
    await expect(name).not.toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText(/Já existe um operador/)).toHaveCount(0);
    await add.click();
    await expect(list.getByText("Rita Alves", { exact: true })).toBeVisible();
    await expect(list.getByText(/^jo[aã]o concei[cç][aã]o$/i)).toHaveCount(1);
  });

  test("5: departments too: the same name in other letters is refused next to the field, cleared on edit", async ({
    page,
  }) => {
    await organizationWithDepartments(page);
    await page.goto("/onboarding/departments");
    const list = page.getByTestId("departments");
    await expect(list.getByText("Suporte", { exact: true })).toBeVisible();
    const name = page.getByLabel("Nome do novo departamento");
    await name.fill("SUPORTE");
    await page.getByRole("button", { name: "Adicionar departamento" }).click();
    await expect(name).toHaveAttribute("aria-invalid", "true");
    await expect(name).toHaveAccessibleDescription(/Já existe um departamento com o nome Suporte/);
    // The one sentence is the field's own message (no banner above the step).
    await expect(page.getByText(/Já existe/)).toHaveCount(1);
    await atEveryWidth(page, "wizard-department-name-taken");
    await name.fill("Financeiro");
    await expect(name).not.toHaveAttribute("aria-invalid", "true");
    await page.getByRole("button", { name: "Adicionar departamento" }).click();
    await expect(list.getByText("Financeiro", { exact: true })).toBeVisible();

    await page.getByRole("button", { name: "Renomear Financeiro" }).click();
    const rename = page.getByLabel("Novo nome para Financeiro");
    await rename.fill("súporte");
    await page.getByRole("button", { name: "Salvar" }).click();
    await expect(rename).toHaveAccessibleDescription(/Já existe um departamento com o nome Suporte/);
    await expect(page.getByText(/Já existe/)).toHaveCount(1);
    await rename.fill("Cobrança");
    await expect(rename).not.toHaveAttribute("aria-invalid", "true");
    await page.getByRole("button", { name: "Salvar" }).click();
    await expect(list.getByText("Cobrança", { exact: true })).toBeVisible();
  });

  test("6: no department → asked first; back to the form, or saved once confirmed", async ({ page }) => {
    const { name, departments, add, list } = await wizardOperatorsStep(page);
    await name.fill("João Conceição");
    await add.click();
    const ask = page.getByRole("dialog", { name: "Este operador não receberá atendimentos" });
    await expect(ask).toContainText("Nenhum departamento foi escolhido");
    await atEveryWidth(page, "wizard-operator-no-department");
    await ask.getByRole("button", { name: "Escolher departamentos" }).click();
    await expect(ask).toBeHidden();
    await expect(name).toHaveValue("João Conceição");
    await departments.getByLabel("Suporte").check();
    await add.click();
    await expect(list.getByText("João Conceição", { exact: true })).toBeVisible();

    await name.fill("Carla Dias");
    await add.click();
    await ask.getByRole("button", { name: "Adicionar mesmo assim" }).click();
    await expect(list.getByText("Carla Dias", { exact: true })).toBeVisible();
  });

  test("7: an operator being created when the page reloads settles without another reload", async ({
    page,
    emulator,
  }) => {
    const { name, departments, add, list } = await wizardOperatorsStep(page);
    await slowOperatorCreate(emulator);
    await name.fill("Pedro Reis");
    await departments.getByLabel("Suporte").check();
    await add.click();
    await untilPending(page, "Pedro Reis");
    await page.reload();
    const row = list.getByRole("listitem").filter({ hasText: "Pedro Reis" });
    await expect(row).toContainText("Criando…");
    await shot(page, "wizard-operator-creating");
    await expect(row).not.toContainText("Criando…", { timeout: 15_000 });
    await expect(row).toBeVisible();
  });

  test("in English", async ({ page }) => {
    await wizardOperatorsStep(page, [{ name: "João Conceição", departments: ["suporte"] }]);
    await page.getByRole("button", { name: "English" }).click();
    const form = page.getByRole("form", { name: "Add an operator" });
    const departments = form.getByRole("group", { name: "Departments they answer" });
    await expect(departments.getByLabel("Suporte")).toBeVisible();
    await expect(departments.getByText("Entregas")).toHaveCount(0);
    const name = form.getByLabel("Operator name");
    await name.fill("joao conceicao");
    await form.getByRole("button", { name: "Add operator" }).click();
    const ask = page.getByRole("dialog", { name: "This operator will not receive any chats" });
    await expect(ask).toContainText("No department was chosen");
    await ask.getByRole("button", { name: "Add anyway" }).click();
    await expect(name).toHaveAccessibleDescription(/An operator named João Conceição already exists/);
    await atEveryWidth(page, "wizard-operator-en");
  });
});

/** /team/operators with "Suporte", the inactive "Entregas" and "Ana Lima" in both. */
async function teamOperatorsPage(page: Page) {
  const { suporte, entregas } = await organizationWithDepartments(page);
  await trpcMutation(page, "operators.create", {
    name: "Ana Lima",
    isAdmin: false,
    departmentIds: [suporte.id, entregas.id],
  });
  await deactivate(page, entregas);
  await page.goto("/team/operators");
  return { rowOf: (name: string) => page.getByTestId("operator-row").filter({ hasText: name }) };
}

test.describe("operator forms: team dialog", () => {
  test("4: a new operator is not offered an inactive department; one already in it keeps it, marked", async ({
    page,
  }) => {
    const { rowOf } = await teamOperatorsPage(page);
    await page.getByRole("button", { name: "Novo operador" }).click();
    const create = page.getByRole("dialog", { name: "Novo operador" });
    const offered = create.getByRole("group", { name: "Departamentos que atende" });
    await expect(offered.getByLabel("Suporte")).toBeVisible();
    await expect(offered.getByText("Entregas")).toHaveCount(0);
    await create.getByRole("button", { name: "Cancelar" }).click();

    await rowOf("Ana Lima").getByRole("button", { name: "Editar Ana Lima" }).click();
    const edit = page.getByRole("dialog", { name: "Editar operador" });
    const kept = edit.getByRole("group", { name: "Departamentos que atende" });
    await expect(kept.getByLabel("Entregas (inativo)")).toBeChecked();
    await expect(kept.getByLabel("Suporte")).toBeChecked();
    await atEveryWidth(page, "team-operator-edit-inactive-department");
    await edit.getByRole("button", { name: "Salvar" }).click();
    await expect(edit).toBeHidden();
    await expect(rowOf("Ana Lima")).toContainText("Suporte, Entregas (inativo)");
  });

  test("5: the same name in other letters is refused next to the name field, cleared on edit", async ({ page }) => {
    await teamOperatorsPage(page);
    await page.getByRole("button", { name: "Novo operador" }).click();
    const dialog = page.getByRole("dialog", { name: "Novo operador" });
    const name = dialog.getByLabel("Nome do operador");
    await name.fill("ÁNA  LIMA");
    await dialog.getByRole("group", { name: "Departamentos que atende" }).getByLabel("Suporte").check();
    await dialog.getByRole("button", { name: "Salvar" }).click();
    await expect(name).toHaveAttribute("aria-invalid", "true");
    await expect(name).toHaveAccessibleDescription(/Já existe um operador com o nome Ana Lima/);
    await atEveryWidth(page, "team-operator-name-taken");
    await name.fill("Ana Lima Souza");
    await expect(name).not.toHaveAttribute("aria-invalid", "true");
    await expect(dialog.getByText(/Já existe um operador/)).toHaveCount(0);
  });

  test("6: no department → asked before saving", async ({ page }) => {
    const { rowOf } = await teamOperatorsPage(page);
    await page.getByRole("button", { name: "Novo operador" }).click();
    const dialog = page.getByRole("dialog", { name: "Novo operador" });
    await dialog.getByLabel("Nome do operador").fill("Bruno Dias");
    await dialog.getByRole("button", { name: "Salvar" }).click();
    const ask = page.getByRole("dialog", { name: "Este operador não receberá atendimentos" });
    await expect(ask).toContainText("Nenhum departamento foi escolhido");
    await atEveryWidth(page, "team-operator-no-department");
    await ask.getByRole("button", { name: "Salvar mesmo assim" }).click();
    await expect(dialog).toBeHidden();
    await expect(rowOf("Bruno Dias")).toBeVisible();
  });

  test("7: an operator being created when the page reloads settles without another reload", async ({
    page,
    emulator,
  }) => {
    const { rowOf } = await teamOperatorsPage(page);
    await slowOperatorCreate(emulator);
    await page.getByRole("button", { name: "Novo operador" }).click();
    const dialog = page.getByRole("dialog", { name: "Novo operador" });
    await dialog.getByLabel("Nome do operador").fill("Pedro Reis");
    await dialog.getByRole("group", { name: "Departamentos que atende" }).getByLabel("Suporte").check();
    await dialog.getByRole("button", { name: "Salvar" }).click();
    await untilPending(page, "Pedro Reis");
    await page.reload();
    await expect(rowOf("Pedro Reis")).toContainText("Sincronizando");
    await shot(page, "team-operator-creating");
    await expect(rowOf("Pedro Reis")).not.toContainText("Sincronizando", { timeout: 15_000 });
    await expect(rowOf("Pedro Reis")).toContainText("Ativo");
  });

  test("in English", async ({ page }) => {
    const { rowOf } = await teamOperatorsPage(page);
    await page.getByRole("button", { name: "English" }).click();
    await rowOf("Ana Lima").getByRole("button", { name: "Edit Ana Lima" }).click();
    const edit = page.getByRole("dialog", { name: "Edit operator" });
    await expect(edit.getByLabel("Entregas (inactive)")).toBeChecked();
    await edit.getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("button", { name: "New operator" }).click();
    const create = page.getByRole("dialog", { name: "New operator" });
    await create.getByLabel("Operator name").fill("ana lima");
    await create.getByRole("button", { name: "Save" }).click();
    const ask = page.getByRole("dialog", { name: "This operator will not receive any chats" });
    await ask.getByRole("button", { name: "Save anyway" }).click();
    await expect(create.getByLabel("Operator name")).toHaveAccessibleDescription(
      /An operator named Ana Lima already exists/,
    );
    await atEveryWidth(page, "team-operator-en");
  });
});
