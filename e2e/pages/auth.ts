/** Page objects for the sign-up and sign-in pages (Portuguese labels: the default language). */
import { expect, type Page } from "@playwright/test";
import { verificationLinkFor, type NewUser } from "../fixtures";

export class SignUpPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/sign-up");
  }

  async fill(user: NewUser) {
    await this.page.getByLabel("Seu nome").fill(user.name);
    await this.page.getByLabel("E-mail de trabalho").fill(user.email);
    await this.page.getByLabel("Senha", { exact: true }).fill(user.password);
    await this.page.getByLabel("Nome da empresa").fill(user.companyName);
  }

  async submit() {
    await this.page.getByRole("button", { name: "Criar conta" }).click();
  }
}

export class SignInPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/sign-in");
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel("E-mail").fill(email);
    await this.page.getByLabel("Senha", { exact: true }).fill(password);
    await this.page.getByRole("button", { name: "Entrar" }).click();
  }
}

/** The page a verification e-mail links to ("Confirmar e-mail"). */
export class VerifyEmailPage {
  constructor(private readonly page: Page) {}

  /** Opens the link the portal e-mailed to `email` (from the e2e mail sink) and confirms it. */
  async confirmFromMailbox(email: string) {
    await this.page.goto(await verificationLinkFor(email));
    await expect(this.page.getByRole("heading", { name: "Confirmar e-mail" })).toBeVisible();
    await this.page.getByRole("button", { name: "Confirmar e-mail" }).click();
    await expect(this.page).not.toHaveURL(/\/verify-email\//);
  }
}
