import { SignInPage } from "./pages/auth";
import { expect, expectAccessible, latestMailTo, mailsTo, signUpViaApi, test } from "./fixtures";
import { E2E_PASSWORDS } from "./secrets";

test.describe("esqueci minha senha", () => {
  test("a customer who forgot the password gets a link by e-mail, sets a new one and signs in with it", async ({
    page,
    browser,
  }) => {
    const user = await signUpViaApi(page);
    // A second browser still signed in with the old password: it must be signed out.
    const otherContext = await browser.newContext({ storageState: await page.context().storageState() });
    const otherTab = await otherContext.newPage();
    await otherTab.goto("/");
    await expect(otherTab.getByTestId("org-name")).toHaveText(user.companyName);
    await page.context().clearCookies();

    await test.step("ask for a link from the sign-in page", async () => {
      await page.goto("/sign-in");
      await page.getByRole("link", { name: "Esqueci minha senha" }).click();
      await expect(page.getByRole("heading", { name: "Esqueci minha senha" })).toBeVisible();
      await expectAccessible(page);
      await page.getByLabel("E-mail").fill(user.email);
      await page.getByRole("button", { name: "Enviar link" }).click();
      await expect(page.getByText("Confira seu e-mail")).toBeVisible();
      await expect(page.getByText(`Se existir uma conta com ${user.email}`)).toBeVisible();
      await page.screenshot({ path: "e2e-artifacts/screenshots/forgot-password-sent.png", fullPage: true });
    });

    const mail = await latestMailTo(user.email, /\/reset-password\//);
    const link = /(https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]{43})/.exec(mail)?.[1];
    expect(link, mail).toBeDefined();
    expect(mail).toContain("Olá, Maria Souza.");

    await test.step("open the link and choose a new password", async () => {
      await page.goto(link!);
      await expect(page.getByRole("heading", { name: "Crie uma nova senha" })).toBeVisible();
      await expect(page.getByText(`Nova senha para ${user.email}`)).toBeVisible();
      await expectAccessible(page);
      await page.getByLabel("Nova senha", { exact: true }).fill("curta");
      await page.getByRole("button", { name: "Salvar nova senha" }).click();
      await expect(page.getByText("A senha precisa ter pelo menos 12 caracteres.")).toBeVisible();
      await page.getByLabel("Nova senha", { exact: true }).fill(E2E_PASSWORDS.afterReset);
      await page.screenshot({ path: "e2e-artifacts/screenshots/reset-password.png", fullPage: true });
      await page.getByRole("button", { name: "Salvar nova senha" }).click();
      await expect(page).toHaveURL(/\/sign-in\?reset=1/);
      await expect(page.getByText("Senha alterada. Entre com a nova senha.")).toBeVisible();
    });

    await test.step("the old password no longer works, the new one does", async () => {
      const signIn = new SignInPage(page);
      await signIn.signIn(user.email, user.password);
      await expect(page.getByText("E-mail ou senha incorretos.")).toBeVisible();
      await signIn.goto();
      await signIn.signIn(user.email, E2E_PASSWORDS.afterReset);
      await expect(page.getByTestId("org-name")).toHaveText(user.companyName);
    });

    await test.step("the browser signed in with the old password is signed out", async () => {
      await otherTab.reload();
      await expect(otherTab).toHaveURL(/\/sign-in/);
      await otherContext.close();
    });

    await test.step("the link works only once", async () => {
      await page.goto(link!);
      await expect(page.getByRole("heading", { name: "Não foi possível usar este link" })).toBeVisible();
      await expect(page.getByText("já foi usado")).toBeVisible();
      await expect(page.getByRole("link", { name: "Pedir um novo link" })).toBeVisible();
    });
  });

  test("an unknown e-mail gets the same answer, and nothing is sent", async ({ page }) => {
    await page.goto("/forgot-password");
    await page.getByLabel("E-mail").fill("ninguem.cadastrado@example.com.br");
    await page.getByRole("button", { name: "Enviar link" }).click();
    await expect(page.getByText("Se existir uma conta com ninguem.cadastrado@example.com.br")).toBeVisible();
    // A known address's e-mail arrives within milliseconds; give this one ample time not to.
    await page.waitForTimeout(1_000);
    expect(mailsTo("ninguem.cadastrado@example.com.br")).toEqual([]);
  });
});

test.describe("minha conta", () => {
  test("a signed-in user changes the password; this browser stays in, others are signed out", async ({
    page,
    browser,
  }) => {
    const user = await signUpViaApi(page);
    // Another device: its own sign-in, so its own session.
    const otherContext = await browser.newContext();
    const otherTab = await otherContext.newPage();
    await otherTab.goto("/sign-in");
    await new SignInPage(otherTab).signIn(user.email, user.password);
    await expect(otherTab.getByTestId("org-name")).toHaveText(user.companyName);

    await page.goto("/");
    await page.getByRole("button", { name: "Menu do usuário" }).click();
    await page.getByRole("menuitem", { name: "Minha conta" }).click();
    await expect(page.getByRole("heading", { name: "Minha conta" })).toBeVisible();
    await expectAccessible(page);

    // The form loads on request and takes focus; once saved it closes and focus is back on its button.
    const open = page.getByRole("button", { name: "Alterar senha" });
    await open.click();
    await expect(page.getByLabel("Senha atual", { exact: true })).toBeFocused();
    await page.getByLabel("Senha atual", { exact: true }).fill("esta nao e a senha atual");
    await page.getByLabel("Nova senha", { exact: true }).fill(E2E_PASSWORDS.afterReset);
    await page.getByRole("button", { name: "Salvar nova senha" }).click();
    await expect(page.getByText("A senha atual não confere.")).toBeVisible();
    await expect(page.getByLabel("Senha atual", { exact: true })).toBeFocused();
    await page.screenshot({ path: "e2e-artifacts/screenshots/account-password-form.png", fullPage: true });

    await page.getByLabel("Senha atual", { exact: true }).fill(user.password);
    await page.getByRole("button", { name: "Salvar nova senha" }).click();
    await expect(page.getByText("Senha alterada. Outros dispositivos precisarão entrar de novo.")).toBeVisible();
    await expect(open).toBeFocused();
    await page.screenshot({ path: "e2e-artifacts/screenshots/account-password-changed.png", fullPage: true });

    await page.reload();
    await expect(page.getByRole("heading", { name: "Minha conta" })).toBeVisible();
    await otherTab.goto("/");
    await expect(otherTab).toHaveURL(/\/sign-in/);
    await otherContext.close();
  });
});
