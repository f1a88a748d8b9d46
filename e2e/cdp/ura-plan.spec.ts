/**
 * Atendimento automático and Plano e assinatura on the CDP backend (no URA, no subscription sold
 * through the portal): neither is in the menu, and each page says so in one sentence, with no form.
 */
import {
  confirmEmailViaApi,
  expect,
  expectAccessible,
  expectNoSidewaysScroll,
  shot,
  test,
  uniqueUser,
} from "../fixtures";

test("CDP mode: the URA and plan pages explain where this is done", async ({ page }) => {
  const user = uniqueUser("cdp-ura");
  await page.goto("/sign-in");
  const origin = new URL(page.url()).origin;
  const signUp = await page.request.post("/api/trpc/auth.signUp", {
    data: { json: user },
    headers: { "content-type": "application/json", origin },
  });
  expect(signUp.status(), await signUp.text()).toBe(200);
  await confirmEmailViaApi(page, user.email, origin);

  const pages = [
    {
      path: "/automatic-reply",
      heading: "Atendimento automático",
      testId: "ura-unsupported",
      text: "o atendimento automático é configurado na própria plataforma de atendimento",
    },
    {
      path: "/plan",
      heading: "Plano e assinatura",
      testId: "plan-unsupported",
      text: "a assinatura é contratada direto com a plataforma de atendimento",
    },
  ];
  for (const { path, heading, testId, text } of pages) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(path);
    await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Navegação principal" });
    await expect(nav.getByRole("link", { name: "Equipe" })).toBeVisible();
    await expect(nav.getByRole("link", { name: heading })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "Plano", exact: true })).toHaveCount(0);
    await expect(page.getByTestId(testId)).toContainText(text);
    for (const action of ["Salvar", "Assinar agora", "Cancelar assinatura"])
      await expect(page.getByRole("button", { name: action })).toHaveCount(0);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page, 360);
    await shot(page, `cdp-${path.slice(1)}-360`);
  }
});
