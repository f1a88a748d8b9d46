/** Atendimentos on the CDP backend (no attendance webhooks): not in the menu, and the page says why in one sentence. */
import { expect, expectAccessible, shot, test, uniqueUser } from "../fixtures";
import { signUpOnCdpViaApi } from "../fixtures/setup";

test("CDP mode: Atendimentos explains there is nothing to list", async ({ page }) => {
  const user = uniqueUser("cdp-atend");
  await page.goto("/sign-in");
  await signUpOnCdpViaApi(page, user);

  await page.goto("/attendances");
  await expect(page.getByRole("heading", { name: "Atendimentos", level: 1 })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Navegação principal" }).getByRole("link", { name: "Atendimentos" }),
  ).toHaveCount(0);
  await expect(page.getByText("Este chat não envia os atendimentos para o portal")).toBeVisible();
  await expect(page.getByTestId("attendance-row")).toHaveCount(0);
  await shot(page, "cdp-attendances-1280");
  await expectAccessible(page);
});
