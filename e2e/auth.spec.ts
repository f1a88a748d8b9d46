import { readFileSync } from "node:fs";
import path from "node:path";
import { SignInPage, SignUpPage } from "./pages/auth";
import { expect, expectAccessible, portalOrigin, test, uniqueUser } from "./fixtures";
import { SERVER_LOG_DIR } from "./secrets";

test.describe("sign up, sign out, sign in", () => {
  test("a new company signs up, signs out, signs in again and the session survives a reload", async ({ page }) => {
    const user = uniqueUser();
    const signUp = new SignUpPage(page);

    await test.step("sign up", async () => {
      await signUp.goto();
      await expect(page.getByRole("heading", { name: "Crie sua conta" })).toBeVisible();
      await signUp.fill(user);
      await signUp.submit();
      await expect(page.getByTestId("org-name")).toHaveText(user.companyName);
    });

    await test.step("sign out", async () => {
      await page.getByRole("button", { name: "Menu do usuário" }).click();
      await page.getByRole("menuitem", { name: "Sair", exact: true }).click();
      // The portal's own origin and port (PUBLIC_URL), not next-auth's default http://localhost:3000.
      await expect(page).toHaveURL(`${portalOrigin()}/sign-in`);
      await page.goto("/");
      await expect(page).toHaveURL(/\/sign-in/);
    });

    await test.step("sign in and reload", async () => {
      await new SignInPage(page).signIn(user.email, user.password);
      await expect(page.getByTestId("org-name")).toHaveText(user.companyName);
      await page.reload();
      await expect(page.getByTestId("org-name")).toHaveText(user.companyName);
    });

    await test.step("sign out on all devices: back on this portal's sign-in page", async () => {
      await page.getByRole("button", { name: "Menu do usuário" }).click();
      await page.getByRole("menuitem", { name: "Sair de todos os dispositivos" }).click();
      await expect(page).toHaveURL(`${portalOrigin()}/sign-in`);
    });
  });

  test("mistakes get clear messages next to the right field", async ({ page }) => {
    const existing = uniqueUser();
    const signUp = new SignUpPage(page);
    await signUp.goto();
    await signUp.fill(existing);
    await signUp.submit();
    await expect(page.getByTestId("org-name")).toBeVisible();
    await page.context().clearCookies();

    await test.step("weak password", async () => {
      await signUp.goto();
      await signUp.fill({ ...uniqueUser(), password: "curta" });
      await signUp.submit();
      await expect(page.getByText("A senha precisa ter pelo menos 12 caracteres.")).toBeVisible();
    });

    await test.step("duplicate e-mail", async () => {
      await signUp.goto();
      await signUp.fill({ ...uniqueUser(), email: existing.email });
      await signUp.submit();
      await expect(page.getByText("Já existe uma conta com este e-mail.", { exact: false })).toBeVisible();
    });

    await test.step("wrong password", async () => {
      const signIn = new SignInPage(page);
      await signIn.goto();
      await signIn.signIn(existing.email, "esta nao e a senha certa");
      await expect(page.getByText("E-mail ou senha incorretos.")).toBeVisible();
    });
  });

  test("the language can be switched to English and the choice is remembered", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await page.goto("/sign-up");
    await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });

  test("anonymous visitors are sent to sign in, and the server log has no error for it", async ({ page }) => {
    for (const url of ["/", "/team/members", "/team/import", "/team/operators", "/account", "/onboarding"]) {
      await page.goto(url);
      await expect(page, url).toHaveURL(`${portalOrigin()}/sign-in`);
    }
    // An expected refusal is not an error: no "⨯ Error [TRPCError]: UNAUTHENTICATED" with its
    // stack (a page's query refused while its layout redirected). Give a late one time to arrive.
    await page.waitForTimeout(2_000);
    const log = readFileSync(path.join(SERVER_LOG_DIR, "plugchat.log"), "utf8");
    expect(log.match(/^⨯ .*TRPCError.*$/gm) ?? []).toEqual([]);
  });

  test("sign-in and sign-up pages have no serious accessibility violations", async ({ page }) => {
    await page.goto("/sign-in");
    await expectAccessible(page);
    await page.goto("/sign-up");
    await expectAccessible(page);
  });
});
