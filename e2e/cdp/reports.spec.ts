/** Relatórios on the CDP backend (no satisfaction survey calls): not in the menu, and the page says why in one sentence. */
import { confirmEmailViaApi, expect, expectAccessible, shot, test, uniqueUser } from "../fixtures";

test("CDP mode: Relatórios explains there is no report to show", async ({ page }) => {
  const user = uniqueUser("cdp-relat");
  await page.goto("/sign-in");
  const origin = new URL(page.url()).origin;
  const signUp = await page.request.post("/api/trpc/auth.signUp", {
    data: { json: user },
    headers: { "content-type": "application/json", origin },
  });
  expect(signUp.status(), await signUp.text()).toBe(200);
  await confirmEmailViaApi(page, user.email, origin);

  await page.goto("/reports");
  await expect(page.getByRole("heading", { name: "Relatórios", level: 1 })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Navegação principal" }).getByRole("link", { name: "Relatórios" }),
  ).toHaveCount(0);
  await expect(page.getByText("Este chat não oferece a pesquisa de satisfação ao portal")).toBeVisible();
  await expect(page.getByTestId("report-totals")).toHaveCount(0);
  // The CSV route answers the same refusal as the API (NOT_SUPPORTED → 412), never a file.
  const csv = await page.request.get("/api/reports/satisfaction?from=2026-01-01&to=2026-01-31");
  expect(csv.status()).toBe(412);
  await shot(page, "cdp-reports-1280");
  await expectAccessible(page);
});
