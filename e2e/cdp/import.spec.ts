/**
 * The operator import on the CDP backend (second e2e portal): the page, the template and the
 * preview use this backend's columns (e-mail, first and last name, admin — no departments, no
 * login), read from the provider's capabilities, and the operators reach the gateway.
 */
import { expect, expectAccessible, shot, test, uniqueUser } from "../fixtures";
import { cdpEmulatorOrigin, cdpOwnerWithSpaceViaApi } from "../fixtures/setup";

interface CdpEmuState {
  operators: Array<{ email: string | null; firstName?: string | null; projectUuid: string; itemUuid: string }>;
}

test("CDP mode: import operators by e-mail from a CSV", async ({ page }) => {
  const space = await cdpOwnerWithSpaceViaApi(page, uniqueUser("cdp-import"));

  await page.goto("/team/import");
  await expect(page.getByRole("heading", { name: "Importar operadores", level: 1 })).toBeVisible();
  // The columns of this backend are explained; the PlugChat ones are not.
  await expect(page.getByText("E-mail do operador. Não pode se repetir.")).toBeVisible();
  await expect(page.getByText("Departamentos que já existem no portal")).toHaveCount(0);

  const template = await page.request.get("/api/import/template");
  expect(template.status()).toBe(200);
  expect((await template.text()).replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("email;nome;sobrenome;admin");

  const csv = [
    "email;nome;sobrenome;admin",
    "carla.dias@example.com;Carla;Dias;não",
    "rui.alves@example.com;Rui;Alves;sim",
    "isso-nao-e-email;Beto;;",
    "carla.dias@example.com;Carla;Outra;",
  ].join("\n");
  await page
    .getByLabel("Arquivo CSV")
    .setInputFiles({ name: "equipe.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.getByTestId("preview-summary")).toHaveText("2 válidas · 2 com erro");
  await expect(page.getByText("Conferido no servidor")).toBeVisible();
  await expect(page.locator('[data-testid="preview-row"][data-line="4"]')).toContainText(
    '"isso-nao-e-email" não é um e-mail válido.',
  );
  await expect(page.locator('[data-testid="preview-row"][data-line="5"]')).toContainText(
    '"carla.dias@example.com" aparece mais de uma vez no arquivo.',
  );
  await expectAccessible(page);
  await shot(page, "cdp-import-preview");

  await page.getByRole("button", { name: "Importar 2 operadores" }).click();
  await expect(page.getByRole("progressbar", { name: "Progresso da importação" })).toHaveAttribute(
    "aria-valuenow",
    "100",
    { timeout: 30_000 },
  );
  await expect(page.getByTestId("import-counts")).toHaveText("2 importados · 0 com falha · 0 restantes");
  await shot(page, "cdp-import-done");

  const state = (await (await fetch(`${cdpEmulatorOrigin()}/__emulator/state`)).json()) as CdpEmuState;
  const ours = state.operators.filter((o) => o.projectUuid === space.projectUuid && o.itemUuid === space.itemUuid);
  expect(ours.map((o) => o.email).sort()).toEqual(["carla.dias@example.com", "rui.alves@example.com"]);
});
