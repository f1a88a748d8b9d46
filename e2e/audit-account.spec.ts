/**
 * Issue 14 items 8 and 12: Auditoria reads as sentences (who did what, before → after, never raw
 * JSON or internal codes), team changes are in it; Minha conta edits the name, refuses a new
 * password equal to the current one, and deletes an account — never leaving an organization
 * without an owner. Each page at 1280 × 800, 390 × 844 and 360 wide, with axe, then in English.
 */
import { trpcMutation, trpcQuery } from "./pages/team";
import { expect, shot, signUpViaApi, test, uniqueUser, withoutToasts } from "./fixtures";
import { atEveryWidth, joinTeamViaApi, onboardedOwnerViaApi } from "./fixtures/setup";

test.describe("Auditoria in sentences", () => {
  test("team and operator changes read as sentences with before → after, in pt-BR and English", async ({
    page,
    browser,
  }) => {
    await page.goto("/sign-in");
    await onboardedOwnerViaApi(page);
    const created = await trpcMutation<{ id: string; version: number }>(page, "operators.create", {
      name: "João Conceição",
      isAdmin: false,
      departmentIds: [],
    });
    await trpcMutation(page, "operators.update", {
      id: created.id,
      version: created.version,
      name: "João Conceição Silva",
      active: false,
    });
    const ana = await joinTeamViaApi(browser, page, "Ana Lima");
    await ana.context.close();
    const members = await trpcQuery<{ members: Array<{ membershipId: string; name: string }> }>(
      page,
      "members.list",
      undefined,
    );
    await trpcMutation(page, "members.changeRole", {
      membershipId: members.members.find((m) => m.name === "Ana Lima")!.membershipId,
      role: "admin",
    });
    const cancelled = await trpcMutation<{ id: string }>(page, "invitations.create", {
      email: "cancelado@example.com.br",
      role: "admin",
    });
    await trpcMutation(page, "invitations.revoke", { id: cancelled.id });

    await test.step("each entry is a sentence with who, what and when; changes before → after", async () => {
      await page.goto("/team/audit");
      await expect(page.getByRole("heading", { name: "Auditoria", level: 1 })).toBeVisible();
      const rows = page.getByTestId("audit-row");
      await expect(rows.filter({ hasText: "Maria Souza criou o operador João Conceição" })).toHaveCount(1);
      const update = rows.filter({ hasText: "Maria Souza alterou o operador João Conceição Silva" });
      await expect(update.getByTestId("audit-change")).toHaveText([
        "Nome: João Conceição → João Conceição Silva",
        "Ativo: Sim → Não",
      ]);
      await expect(
        rows.filter({ hasText: "Maria Souza mudou o papel de Ana Lima de Membro para Administrador" }),
      ).toHaveCount(1);
      await expect(
        rows.filter({ hasText: "Ana Lima aceitou o convite e entrou na equipe com o papel Membro" }),
      ).toHaveCount(1);
      await expect(rows.filter({ hasText: "Maria Souza cancelou o convite de cancelado@example.com.br" })).toHaveCount(
        1,
      );
      await expect(rows.filter({ hasText: "Maria Souza criou a conta no serviço de chat" })).toHaveCount(1);
      // A readable time, and no raw JSON or internal action codes anywhere.
      await expect(rows.first().locator("time")).toHaveText(/\d{4}, \d{2}:\d{2}|\d{2}:\d{2}/);
      const text = await page.locator("main").innerText();
      expect(text).not.toMatch(/operator\.create|member\.change_role|[{}"]|vendorId|isAdmin/);
    });

    await test.step("the action filter offers the new actions by name", async () => {
      await page.getByLabel("Ação", { exact: true }).selectOption({ label: "Papel alterado" });
      await page.getByRole("button", { name: "Filtrar" }).click();
      await expect(page).toHaveURL(/action=member\.change_role/);
      await expect(page.getByTestId("audit-row")).toHaveCount(1);
      await page.getByRole("button", { name: "Limpar filtros" }).click();
      await expect(page).not.toHaveURL(/action=/);
    });

    await test.step("phone and desktop widths: cards on phones, nothing scrolls sideways, axe clean", async () => {
      await atEveryWidth(page, "audit-sentences");
    });

    await test.step("in English", async () => {
      await page.getByRole("button", { name: "English" }).click();
      await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
      const rows = page.getByTestId("audit-row");
      await expect(rows.filter({ hasText: "Maria Souza created operator João Conceição" })).toHaveCount(1);
      await expect(
        rows.filter({ hasText: "Maria Souza changed Ana Lima's role from Member to Administrator" }),
      ).toHaveCount(1);
      await expect(rows.getByTestId("audit-change").filter({ hasText: "Active: Yes → No" })).toHaveCount(1);
      await atEveryWidth(page, "audit-sentences-en");
      await page.getByRole("button", { name: "Português (Brasil)" }).click();
      await expect(page.getByRole("heading", { name: "Auditoria", level: 1 })).toBeVisible();
    });
  });
});

test.describe("Minha conta", () => {
  test("name, a new password equal to the current one, and deleting the account safely", async ({ page, browser }) => {
    await page.goto("/sign-in");
    const owner = await signUpViaApi(page);

    await test.step("Seu nome: the name is changed and shown in the menu", async () => {
      await page.goto("/account");
      await expect(page.getByRole("heading", { name: "Minha conta", level: 1 })).toBeVisible();
      await expect(page.getByTestId("account-name")).toHaveText("Nome atual: Maria Souza");
      await page.getByRole("button", { name: "Alterar nome" }).click();
      const field = page.getByLabel("Seu nome");
      await expect(field).toBeFocused();
      await field.fill("M");
      await page.getByRole("button", { name: "Salvar nome" }).click();
      await expect(page.getByText("Informe pelo menos 2 caracteres.")).toBeVisible();
      await field.fill("Maria Souza Lima");
      await page.getByRole("button", { name: "Salvar nome" }).click();
      await expect(page.getByText("Nome alterado para Maria Souza Lima.")).toBeVisible();
      await expect(page.getByTestId("account-name")).toHaveText("Nome atual: Maria Souza Lima");
      await expect(page.getByRole("button", { name: "Alterar nome" })).toBeFocused();
      await page.reload();
      await expect(page.getByTestId("account-name")).toHaveText("Nome atual: Maria Souza Lima");
      // The header's user menu shows the new name too.
      await expect(page.getByRole("button", { name: "Menu do usuário" })).toContainText("Maria Souza Lima");
    });

    await test.step("Senha: the current password again is refused next to the new password", async () => {
      await page.getByRole("button", { name: "Alterar senha" }).click();
      await page.getByLabel("Senha atual", { exact: true }).fill(owner.password);
      await page.getByLabel("Nova senha", { exact: true }).fill(owner.password);
      await page.getByRole("button", { name: "Salvar nova senha" }).click();
      await expect(page.getByLabel("Nova senha", { exact: true })).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByText("A nova senha precisa ser diferente da senha atual.")).toBeVisible();
      await shot(page, "account-password-same");
      await page.getByRole("button", { name: "Cancelar" }).click();
    });

    await test.step("Alterar e-mail still works: a link goes to the new address", async () => {
      await page.getByRole("button", { name: "Alterar e-mail" }).click();
      const newAddress = uniqueUser("novo").email;
      await page.getByLabel("Novo e-mail").fill(newAddress);
      await page.getByLabel("Sua senha atual").fill(owner.password);
      await page.getByRole("button", { name: "Enviar link de confirmação" }).click();
      await expect(page.getByText(`Aguardando confirmação de ${newAddress}`)).toBeVisible();
      await page.getByRole("button", { name: "Cancelar troca" }).click();
      await expect(page.getByText(`Aguardando confirmação de ${newAddress}`)).toHaveCount(0);
    });

    await test.step("Excluir conta: the only person of the organization cannot leave it without anyone", async () => {
      await expect(page.getByText(/Você é a única pessoa na equipe de/)).toBeVisible();
      await expect(page.getByRole("button", { name: "Excluir minha conta" })).toHaveCount(0);
    });

    const ana = await joinTeamViaApi(browser, page, "Ana Lima");
    try {
      await test.step("with someone else in the team, the owner is sent to Membros to hand ownership over", async () => {
        await page.reload();
        await expect(page.getByText(/Você é a única pessoa proprietária de/)).toBeVisible();
        await expect(page.getByRole("link", { name: "Ir para Membros" })).toHaveAttribute("href", "/team/members");
        await withoutToasts(page);
        await atEveryWidth(page, "account-owner");
      });

      await test.step("a member deletes their account with the password; every session ends", async () => {
        const other = await browser.newContext({ locale: "pt-BR" });
        const second = await other.newPage();
        await second.goto("/sign-in");
        await second.getByLabel("E-mail").fill(ana.person.email);
        await second.getByLabel("Senha", { exact: true }).fill(ana.person.password);
        await second.getByRole("button", { name: "Entrar" }).click();
        await expect(second).not.toHaveURL(/sign-in/);

        await ana.page.goto("/account");
        await ana.page.getByRole("button", { name: "Excluir minha conta" }).click();
        const password = ana.page.getByLabel("Sua senha, para confirmar");
        await expect(password).toBeFocused();
        await password.fill("nao e esta senha");
        await ana.page.getByRole("button", { name: "Excluir minha conta para sempre" }).click();
        await expect(password).toHaveAttribute("aria-invalid", "true");
        await atEveryWidth(ana.page, "account-delete-form");
        await password.fill(ana.person.password);
        await ana.page.getByRole("button", { name: "Excluir minha conta para sempre" }).click();
        await expect(ana.page).toHaveURL(/\/sign-in\?deleted=1$/);
        await expect(
          ana.page.getByText("Sua conta foi excluída e todas as sessões dela foram encerradas."),
        ).toBeVisible();
        await shot(ana.page, "account-deleted-sign-in");
        // The other browser's session ended with the account.
        await second.goto("/account");
        await expect(second).toHaveURL(/\/sign-in/);
        await other.close();
      });
    } finally {
      await ana.context.close();
    }

    await test.step("the owner's audit log keeps the trail, the person shown as a deleted account", async () => {
      await page.goto("/team/audit");
      const rows = page.getByTestId("audit-row");
      await expect(
        rows.filter({ hasText: "Uma pessoa da equipe com o papel Membro excluiu a própria conta" }),
      ).toHaveCount(1);
      await expect(
        rows.filter({ hasText: "Uma conta excluída aceitou o convite e entrou na equipe com o papel Membro" }),
      ).toHaveCount(1);
      await expect(
        rows.filter({ hasText: "Maria Souza Lima mudou o próprio nome de Maria Souza para Maria Souza Lima" }),
      ).toHaveCount(1);
      await expect(rows.filter({ hasText: "Maria Souza Lima convidou" })).toHaveCount(1);
    });

    await test.step("with the team empty again, the owner is the only person: still refused", async () => {
      await page.goto("/account");
      await expect(page.getByText(/Você é a única pessoa na equipe de/)).toBeVisible();
    });

    await test.step("in English", async () => {
      await page.getByRole("button", { name: "English" }).click();
      await expect(page.getByRole("heading", { name: "My account", level: 1 })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Your name" })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Delete account" })).toBeVisible();
      await expect(page.getByText(/You are the only person on/)).toBeVisible();
      await page.getByRole("button", { name: "Change password" }).click();
      await page.getByLabel("Current password", { exact: true }).fill(owner.password);
      await page.getByLabel("New password", { exact: true }).fill(owner.password);
      await page.getByRole("button", { name: "Save new password" }).click();
      await expect(page.getByText("The new password must be different from the current one.")).toBeVisible();
      await atEveryWidth(page, "account-en");
      await page.getByRole("button", { name: "Português (Brasil)" }).click();
    });
  });
});
