/**
 * Sincronizar on the CDP gateway: the provider has no list calls, so there is nothing to
 * compare — the navigation has no "Sincronizar" and its address explains why.
 */
import { expect, expectAccessible, test, uniqueUser } from "../fixtures";
import { cdpOwnerWithSpaceViaApi } from "../fixtures/setup";

test("CDP mode: no Sincronizar link; the page explains that the provider cannot list", async ({ page }) => {
  await cdpOwnerWithSpaceViaApi(page, uniqueUser("cdpsync"));

  await page.goto("/team/operators");
  const nav = page.getByRole("navigation", { name: "Navegação principal" });
  await expect(nav.getByRole("link", { name: "Operadores" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Sincronizar" })).toHaveCount(0);
  await page.goto("/team/sync");
  await expect(page.getByRole("heading", { name: "Sincronizar", level: 1 })).toBeVisible();
  await expect(page.getByText("não permite listar operadores e departamentos")).toBeVisible();
  await expect(page.getByRole("button", { name: "Comparar agora" })).toHaveCount(0);
  await expectAccessible(page);
  await page.screenshot({ path: "e2e-artifacts/screenshots/cdp-sync.png", fullPage: true });
});
