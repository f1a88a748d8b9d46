/** Atendimentos on the CDP backend (no attendance webhooks): not in the menu, and the page says why in one sentence. */
import { confirmEmailViaApi, expect, expectAccessible, shot, test, uniqueUser } from "../fixtures";

test("CDP mode: Atendimentos explains there is nothing to list", async ({ page }) => {
  const user = uniqueUser("cdp-atend");
  await page.goto("/sign-in");
  const origin = new URL(page.url()).origin;
  const signUp = await page.request.post("/api/trpc/auth.signUp", {
    data: { json: user },
    headers: { "content-type": "application/json", origin },
  });
  expect(signUp.status(), await signUp.text()).toBe(200);
  await confirmEmailViaApi(page, user.email, origin);

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
