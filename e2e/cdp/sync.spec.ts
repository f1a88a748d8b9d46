/**
 * Sincronizar on the CDP gateway: the provider has no list calls, so there is nothing to
 * compare — the navigation has no "Sincronizar" and its address explains why.
 */
import { randomUUID } from "node:crypto";
import { confirmEmailViaApi, expect, expectAccessible, test, uniqueUser } from "../fixtures";
import { trpcMutation } from "../pages/team";

const cdpEmulator = () => process.env.E2E_CDP_EMULATOR_URL ?? "http://127.0.0.1:4120";

test("CDP mode: no Sincronizar link; the page explains that the provider cannot list", async ({ page }) => {
  const user = uniqueUser("cdpsync");
  const space = { projectUuid: randomUUID(), itemUuid: randomUUID() };
  expect((await page.request.post(`${cdpEmulator()}/__emulator/spaces`, { data: space })).ok()).toBe(true);
  await page.goto("/sign-in");
  const origin = new URL(page.url()).origin;
  const res = await page.request.post("/api/trpc/auth.signUp", {
    data: { json: user },
    headers: { "content-type": "application/json", origin },
  });
  expect(res.status(), await res.text()).toBe(200);
  await confirmEmailViaApi(page, user.email, origin);
  await trpcMutation(page, "onboarding.connectSpace", { companyName: user.companyName, ...space });

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
