/**
 * Issue 11's journey, as a new customer lives it: sign up → confirm the e-mail from the link
 * in the mailbox → turn on two-step verification → sign out → sign in with the app's code →
 * sign in elsewhere with a recovery code → see both sessions → end the other one, which is
 * then signed out. Then the same pages in English.
 */
import type { Browser, Page } from "@playwright/test";
import { generateSync } from "otplib";
import { SignInPage, SignUpPage, VerifyEmailPage } from "./pages/auth";
import {
  expect,
  expectAccessible,
  mailsTo,
  portalOrigin,
  signUpViaApi,
  test,
  uniqueUser,
  verificationLinkFor,
} from "./fixtures";

const STEP_SECONDS = 30;
const currentStep = () => Math.floor(Date.now() / 1000 / STEP_SECONDS);

/**
 * The authenticator app: a code for a time step the portal has not accepted yet (it accepts
 * the current step ±1, each once), waiting for the next half-minute when those are used.
 */
function authenticator(secret: string) {
  let last = Number.NEGATIVE_INFINITY;
  return async function nextCode(): Promise<string> {
    for (;;) {
      const now = currentStep();
      const step = Math.max(last + 1, now - 1);
      if (step <= now + 1) {
        last = step;
        return generateSync({ secret, epoch: step * STEP_SECONDS });
      }
      await new Promise((resolve) => setTimeout(resolve, (now + 1) * STEP_SECONDS * 1000 - Date.now() + 100));
    }
  };
}

async function signOut(page: Page, menuName = "Menu do usuário", itemName = "Sair") {
  await page.getByRole("button", { name: menuName }).click();
  await page.getByRole("menuitem", { name: itemName, exact: true }).click();
  await expect(page).toHaveURL(`${portalOrigin()}/sign-in`);
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "pt-BR", timezoneId: "America/Sao_Paulo" });
  return context.newPage();
}

test.describe("segurança da conta", () => {
  test("e-mail confirmado, verificação em duas etapas, código de recuperação e sessões ativas", async ({
    page,
    browser,
  }) => {
    const user = uniqueUser("seguranca");
    let nextCode: () => Promise<string> = () => Promise.reject(new Error("not enrolled yet"));
    let recoveryCodes: string[] = [];

    await test.step("sign up: the account step waits for the e-mail", async () => {
      const signUp = new SignUpPage(page);
      await signUp.goto();
      await signUp.fill(user);
      await signUp.submit();
      await expect(page.getByTestId("org-name")).toHaveText(user.companyName);
      await page.goto("/onboarding/company");
      await page.getByRole("button", { name: "Criar conta de chat" }).click();
      const panel = page.getByTestId("verify-email-panel");
      await expect(panel.getByRole("heading", { name: "Confirme seu e-mail" })).toBeVisible();
      await expect(panel).toContainText(user.email);
      await page.screenshot({ path: "e2e-artifacts/screenshots/security-confirm-email.png", fullPage: true });
    });

    await test.step("confirm the e-mail with the link from the mailbox", async () => {
      await new VerifyEmailPage(page).confirmFromMailbox(user.email);
      await page.goto("/onboarding/company");
      await expect(page.getByRole("status").filter({ hasText: "Confirme seu e-mail" })).toHaveCount(0);
    });

    await test.step("turn on two-step verification in Minha conta", async () => {
      await page.goto("/account");
      const section = page.locator("#two-factor");
      await expect(section.getByRole("heading", { name: "Verificação em duas etapas" })).toBeVisible();
      await expect(section.getByText("Desativada")).toBeVisible();
      await section.getByRole("button", { name: "Ativar" }).click();
      await expect(section.getByRole("img", { name: /QR code/ })).toBeVisible();
      const secret = (await section.getByTestId("two-factor-manual-key").innerText()).replace(/\s/g, "");
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
      nextCode = authenticator(secret);
      await page.screenshot({ path: "e2e-artifacts/screenshots/security-two-factor-enrol.png", fullPage: true });

      await section.getByLabel("Código de 6 dígitos").fill("000000");
      await section.getByRole("button", { name: "Confirmar e ativar" }).click();
      await expect(section.getByText(/Código incorreto ou já usado/)).toBeVisible();

      await section.getByLabel("Código de 6 dígitos").fill(await nextCode());
      await section.getByRole("button", { name: "Confirmar e ativar" }).click();
      const list = section.getByRole("list", { name: "Códigos de recuperação" });
      await expect(list.getByRole("listitem")).toHaveCount(10);
      recoveryCodes = (await list.getByRole("listitem").allInnerTexts()).map((code) => code.trim());
      expect(recoveryCodes.every((code) => /^[A-Z2-7]{5}-[A-Z2-7]{5}$/.test(code))).toBe(true);
      await expectAccessible(page);
      await page.screenshot({ path: "e2e-artifacts/screenshots/security-recovery-codes.png", fullPage: true });
      await section.getByRole("button", { name: "Guardei meus códigos" }).click();
      await expect(section.getByText(/Ativada em/)).toBeVisible();
    });

    await test.step("Desativar: its dialog loads on request, checks the fields, and Cancelar gives focus back", async () => {
      const section = page.locator("#two-factor");
      const disable = section.getByRole("button", { name: "Desativar" });
      await disable.click();
      const dialog = page.getByRole("dialog", { name: "Desativar a verificação em duas etapas" });
      await expect(dialog.getByLabel("Sua senha", { exact: true })).toBeFocused();
      await dialog.getByRole("button", { name: "Desativar verificação" }).click();
      await expect(dialog.getByText("Preencha este campo.")).toBeVisible();
      await expect(dialog.getByText("Digite o código de 6 dígitos.")).toBeVisible();
      await page.screenshot({ path: "e2e-artifacts/screenshots/security-disable-dialog.png" });
      await dialog.getByRole("button", { name: "Cancelar" }).click();
      await expect(dialog).toBeHidden();
      await expect(disable).toBeFocused();
      await expect(section.getByText(/Ativada em/)).toBeVisible();
    });

    await test.step("sign out, then sign in: the password alone is not enough", async () => {
      await signOut(page);
      await new SignInPage(page).signIn(user.email, user.password);
      await expect(page.getByRole("heading", { name: "Verificação em duas etapas" })).toBeVisible();
      await expectAccessible(page);
      await page.screenshot({ path: "e2e-artifacts/screenshots/security-sign-in-code.png", fullPage: true });
      await page.getByLabel("Código de verificação").fill("123456");
      await page.getByRole("button", { name: "Confirmar" }).click();
      await expect(page.getByText(/Código incorreto ou já usado/)).toBeVisible();
      await page.getByLabel("Código de verificação").fill(await nextCode());
      await page.getByRole("button", { name: "Confirmar" }).click();
      await expect(page.getByTestId("org-name")).toHaveText(user.companyName);
    });

    const other = await newPage(browser);
    await test.step("another browser signs in with a recovery code", async () => {
      await other.goto("/sign-in");
      await new SignInPage(other).signIn(user.email, user.password);
      await other.getByRole("button", { name: "Usar um código de recuperação" }).click();
      await other.getByLabel("Código de recuperação").fill(recoveryCodes[0]!);
      await other.getByRole("button", { name: "Confirmar" }).click();
      await expect(other.getByTestId("org-name")).toHaveText(user.companyName);
    });

    await test.step("the same recovery code does not work twice", async () => {
      const third = await newPage(browser);
      await third.goto("/sign-in");
      await new SignInPage(third).signIn(user.email, user.password);
      await third.getByRole("button", { name: "Usar um código de recuperação" }).click();
      await third.getByLabel("Código de recuperação").fill(recoveryCodes[0]!);
      await third.getByRole("button", { name: "Confirmar" }).click();
      await expect(third.getByText(/Código de recuperação incorreto ou já usado/)).toBeVisible();
      await third.context().close();
    });

    await test.step("Minha conta shows both sessions; ending the other one signs it out", async () => {
      await page.goto("/account");
      const sessions = page.getByRole("list", { name: "Sessões ativas" });
      await expect(sessions.getByRole("listitem")).toHaveCount(2);
      await expect(sessions.getByText("Esta sessão")).toHaveCount(1);
      await expectAccessible(page);
      await page.screenshot({ path: "e2e-artifacts/screenshots/security-sessions.png", fullPage: true });
      await sessions.getByRole("button", { name: /^Encerrar/ }).click();
      await expect(page.getByText(/Sessão encerrada/)).toBeVisible();
      await expect(sessions.getByRole("listitem")).toHaveCount(1);

      await other.reload();
      await expect(other).toHaveURL(/\/sign-in/);
      await other.context().close();
    });
  });

  test("at phone width, the account page and the code step fit the screen", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 780 });
    await signUpViaApi(page);
    await page.goto("/account");
    await expect(page.locator("#two-factor")).toBeVisible();
    await expect(page.getByRole("list", { name: "Sessões ativas" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page);
    await page.screenshot({ path: "e2e-artifacts/screenshots/security-account-phone.png", fullPage: true });
  });

  test("the e-mail form opens on request: it takes focus, checks the address, and shows the server's answer by its field", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 360, height: 780 });
    const user = await signUpViaApi(page, uniqueUser("troca-email"));
    await page.goto("/account");
    await expect(page.getByText(`E-mail atual: ${user.email}`)).toBeVisible();
    await expect(page.getByLabel("Novo e-mail")).toHaveCount(0);

    const open = page.getByRole("button", { name: "Alterar e-mail" });
    await open.click();
    const newEmail = page.getByLabel("Novo e-mail");
    await expect(newEmail).toBeFocused();
    await newEmail.fill("nao-e-um-email");
    await newEmail.blur();
    await expect(page.getByText("Informe um e-mail válido, como nome@empresa.com.br.")).toBeVisible();

    await newEmail.fill(user.email);
    await page.getByLabel("Sua senha atual (para confirmar a troca)").fill(user.password);
    await page.getByRole("button", { name: "Enviar link de confirmação" }).click();
    await expect(page.getByText("Este já é o e-mail da sua conta.")).toBeVisible();
    await expect(newEmail).toBeFocused();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page);
    await page.screenshot({ path: "e2e-artifacts/screenshots/account-email-form-phone.png", fullPage: true });

    await page.getByRole("button", { name: "Cancelar" }).click();
    await expect(newEmail).toHaveCount(0);
    await expect(open).toBeFocused();
  });

  test("in English: confirm the e-mail, turn on two-step verification, see the sessions", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    const user = await signUpViaApi(page, uniqueUser("security-en"), { verify: false });

    await page.goto("/onboarding/company");
    await page.getByRole("button", { name: "Create chat account" }).click();
    const panel = page.getByTestId("verify-email-panel");
    await expect(panel.getByRole("heading", { name: "Confirm your e-mail" })).toBeVisible();
    await panel.getByRole("button", { name: "Resend e-mail" }).click();
    await expect(page.getByText(/in the background/)).toBeVisible();
    // The new link replaces the first one: wait for the second e-mail before opening the newest link.
    await expect.poll(() => mailsTo(user.email).filter((text) => text.includes("/verify-email/")).length).toBe(2);

    await page.goto(await verificationLinkFor(user.email));
    await expect(page.getByRole("heading", { name: "Confirm e-mail" })).toBeVisible();
    await page.getByRole("button", { name: "Confirm e-mail" }).click();
    await expect(page).not.toHaveURL(/\/verify-email\//);

    await page.goto("/account");
    const section = page.locator("#two-factor");
    await expect(section.getByRole("heading", { name: "Two-step verification" })).toBeVisible();
    await section.getByRole("button", { name: "Turn on" }).click();
    const secret = (await section.getByTestId("two-factor-manual-key").innerText()).replace(/\s/g, "");
    await section.getByLabel("6-digit code").fill(await authenticator(secret)());
    await section.getByRole("button", { name: "Confirm and turn on" }).click();
    await expect(section.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
    await section.getByRole("button", { name: "I saved my codes" }).click();
    await expect(page.getByRole("list", { name: "Active sessions" }).getByText("This session")).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: "e2e-artifacts/screenshots/security-account-en.png", fullPage: true });
  });
});
