import { MembersPage, trpcMutation, trpcQuery } from "./pages/team";
import { expect, expectAccessible, shot, signUpViaApi, test, uniqueUser, withoutToasts } from "./fixtures";

test.describe("team: members and invitations", () => {
  test("an owner invites a member, who joins from the link and sees the team read-only", async ({ page, browser }) => {
    await page.goto("/sign-in");
    const owner = await signUpViaApi(page);
    // The organization went through the wizard's first step, and has an operator to link someone to.
    await trpcMutation(page, "onboarding.createAccount", {
      companyName: owner.companyName,
      sessionName: owner.companyName,
    });
    await trpcMutation(page, "operators.create", { name: "João Operador", isAdmin: false, departmentIds: [] });
    const invitee = uniqueUser("convidado");
    const members = new MembersPage(page);
    let link = "";

    await test.step("owner opens Membros and invites someone", async () => {
      await page.goto("/");
      // The team pages are one entry in the menu; each has its own link once there.
      await page.getByRole("link", { name: "Equipe" }).click();
      await page.getByRole("link", { name: "Membros" }).click();
      await expect(page.getByRole("heading", { name: "Membros", level: 1 })).toBeVisible();
      await expect(members.row(owner.email)).toContainText("Proprietário");
      await expect(page.getByTestId("last-owner-hint")).toContainText("Só você tem o papel de proprietário");
      link = await members.invite(invitee.email);
      expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
      await expect(page.getByRole("list", { name: "Convites pendentes" })).toContainText(invitee.email);
      await expectAccessible(page);
      await shot(page, "team-members-owner");
      await page.setViewportSize({ width: 360, height: 780 });
      await shot(page, "team-members-owner-360");
      // The invite form answers by the field before anything is sent; Cancelar closes it.
      await page.getByRole("button", { name: "Convidar pessoa" }).click();
      const inviteDialog = page.getByRole("dialog", { name: "Convidar pessoa" });
      await inviteDialog.getByRole("button", { name: "Criar convite" }).click();
      await expect(inviteDialog.getByLabel("E-mail da pessoa")).toHaveAttribute("aria-invalid", "true");
      await shot(page, "team-invite-dialog-360");
      await page.setViewportSize({ width: 1280, height: 720 });
      await shot(page, "team-invite-dialog-1280");
      await inviteDialog.getByRole("button", { name: "Cancelar" }).click();
      await expect(inviteDialog).toBeHidden();
    });

    const context = await browser.newContext({ locale: "pt-BR" });
    const guest = await context.newPage();
    try {
      await test.step("the invitee opens the link, sets name and password, and joins", async () => {
        await guest.goto(link);
        await expect(guest.getByRole("heading", { name: `Convite para ${owner.companyName}` })).toBeVisible();
        await expectAccessible(guest);
        await shot(guest, "team-invite-accept");
        await guest.getByLabel("Seu nome").fill("João Convidado");
        await guest.getByLabel("Crie uma senha").fill(invitee.password);
        await guest.getByRole("button", { name: "Entrar na equipe" }).click();
        await expect(guest).toHaveURL(/\/team\/members$/);
        await expect(guest.getByTestId("org-name")).toHaveText(owner.companyName);
      });

      await test.step("the member sees the team read-only", async () => {
        await expect(guest.getByText("só proprietários e administradores podem fazer alterações")).toBeVisible();
        await expect(guest.getByRole("button", { name: "Convidar pessoa" })).toHaveCount(0);
        await expect(guest.getByRole("combobox")).toHaveCount(0);
        await expect(guest.getByRole("button", { name: /Remover/ })).toHaveCount(0);
        await expect(guest.getByTestId("member-row").filter({ hasText: "João Convidado" })).toContainText("Membro");
        await expectAccessible(guest);
        await shot(guest, "team-members-readonly");
      });

      await test.step('the member has no Auditoria link and gets "Sem acesso" at its address', async () => {
        await expect(guest.getByRole("link", { name: "Auditoria" })).toHaveCount(0);
        const res = await guest.goto("/team/audit");
        expect(res?.status()).toBe(403);
        await expect(guest.getByRole("heading", { name: "Sem acesso", level: 1 })).toBeVisible();
        await expect(guest.getByText("Só proprietários e administradores podem abrir esta página.")).toBeVisible();
        await expect(guest.getByRole("link", { name: "Voltar ao início" })).toHaveAttribute("href", "/");
        await expect(guest.getByRole("heading", { name: "Auditoria" })).toHaveCount(0);
      });

      await test.step("the server refuses admin actions to the member", async () => {
        const res = await guest.request.post("/api/trpc/invitations.create", {
          data: { json: { email: "outra@example.com.br", role: "admin" } },
          headers: { "content-type": "application/json", origin: new URL(guest.url()).origin },
        });
        expect(res.status()).toBe(403);
      });

      await test.step("the link cannot be used twice", async () => {
        const third = await browser.newContext({ locale: "pt-BR" });
        const p3 = await third.newPage();
        await p3.goto(link);
        await expect(p3.getByRole("heading", { name: "Convite indisponível" })).toBeVisible();
        await expect(p3.getByText("Este convite já foi usado.")).toBeVisible();
        await third.close();
      });

      await test.step("the owner links the member to an operator, and the member opens the chat as that operator", async () => {
        await members.goto();
        await page.getByRole("button", { name: "Vincular operador: João Convidado" }).click();
        const dialog = page.getByRole("dialog", { name: "Vincular João Convidado a um operador" });
        await dialog.getByRole("radio", { name: "João Operador" }).check();
        await dialog.getByRole("button", { name: "Vincular", exact: true }).click();
        await expect(members.row(invitee.email)).toContainText("João Operador");
        // The member was last on the "Sem acesso" page: back to Membros.
        await guest.goto("/team/members");
        await expect(guest.getByTestId("member-row").filter({ hasText: "João Convidado" })).toContainText(
          "João Operador",
        );
        await guest.getByRole("link", { name: "Abrir chat" }).click();
        await expect(guest.getByText("Chat aberto como João Operador.")).toBeVisible();
        await shot(guest, "team-member-chat");
      });
    } finally {
      await context.close();
    }

    await test.step("the owner sees the new member and makes them an administrator", async () => {
      await members.goto();
      const row = members.row(invitee.email);
      await expect(row).toContainText("João Convidado");
      await row.getByRole("combobox").selectOption({ label: "Administrador" });
      await expect(page.getByText("Papel de João Convidado alterado para Administrador.")).toBeVisible();
      await page.reload();
      await expect(members.row(invitee.email).getByRole("combobox")).toHaveValue("admin");
    });

    await test.step("the owner reads the audit log with filters kept in the address", async () => {
      await page.getByRole("link", { name: "Auditoria" }).click();
      await expect(page.getByRole("heading", { name: "Auditoria", level: 1 })).toBeVisible();
      await page.getByLabel("Resultado").selectOption({ label: "Falha" });
      await page.getByRole("button", { name: "Filtrar" }).click();
      await expect(page).toHaveURL(/result=failure/);
      await expect(page.getByText("Nenhum registro encontrado com estes filtros.")).toBeVisible();
      await page.reload();
      await expect(page.getByLabel("Resultado")).toHaveValue("failure");
      await expectAccessible(page);
      await shot(page, "team-audit");
    });
  });
});

test.describe("team: departments and operators", () => {
  test("departments and operators are managed from the portal", async ({ page, emulator }) => {
    await page.goto("/sign-in");
    const owner = await signUpViaApi(page);
    await trpcMutation(page, "onboarding.createAccount", {
      companyName: owner.companyName,
      sessionName: owner.companyName,
    });
    await trpcMutation(page, "departments.create", { name: "Suporte" });
    expect((await emulator.accountsFor(owner.organizationId)).length).toBe(1);

    await test.step("departments: create, rename, delete with the Geral warning", async () => {
      await page.goto("/team/departments");
      await expect(page.getByRole("heading", { name: "Departamentos", level: 1 })).toBeVisible();
      const geral = page.getByTestId("department-row").filter({ hasText: "Geral" });
      await expect(geral).toContainText("não pode ser excluído");
      await expect(geral.getByRole("button", { name: /Excluir/ })).toHaveCount(0);
      // The form's code loads when the dialog opens: held back here, the dialog shows the placeholder
      // first, and the first field still takes focus when the form arrives.
      await page.route("**/_next/static/chunks/**", async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 800));
        await route.continue();
      });
      await page.getByRole("button", { name: "Novo departamento" }).click();
      const create = page.getByRole("dialog", { name: "Novo departamento" });
      await expect(create.getByRole("status")).toHaveText("Carregando…");
      await expect(create.getByLabel("Nome do novo departamento")).toBeFocused();
      await page.unroute("**/_next/static/chunks/**");
      await create.getByRole("button", { name: "Criar departamento" }).click();
      await expect(create.getByText("pelo menos 2 caracteres")).toBeVisible();
      await create.getByLabel("Nome do novo departamento").fill("Financeiro");
      await shot(page, "team-department-create");
      await create.getByRole("button", { name: "Criar departamento" }).click();
      await expect(create).toBeHidden();
      await expect(page.getByTestId("department-row").filter({ hasText: "Financeiro" })).toBeVisible();
      await page.getByRole("button", { name: "Renomear Financeiro" }).click();
      const rename = page.getByRole("dialog", { name: "Renomear departamento" });
      await expect(rename.getByLabel("Novo nome")).toHaveValue("Financeiro");
      await rename.getByLabel("Novo nome").fill("Cobrança");
      await rename.getByRole("button", { name: "Salvar" }).click();
      await expect(page.getByTestId("department-row").filter({ hasText: "Cobrança" })).toBeVisible();
      await page.getByRole("button", { name: "Excluir Cobrança" }).click();
      const dialog = page.getByRole("dialog", { name: "Excluir o departamento Cobrança?" });
      await expect(dialog).toContainText('serão movidas para o departamento "Geral"');
      await shot(page, "team-department-delete");
      await dialog.getByRole("button", { name: "Excluir" }).click();
      await expect(
        page.getByText('Departamento Cobrança excluído. As conversas foram movidas para "Geral".'),
      ).toBeVisible();
      await expect(page.getByTestId("department-row").filter({ hasText: "Cobrança" })).toHaveCount(0);
      await withoutToasts(page);
      await expectAccessible(page);
      await shot(page, "team-departments");
      await page.setViewportSize({ width: 360, height: 780 });
      await shot(page, "team-departments-360");
      await page.setViewportSize({ width: 1280, height: 720 });
    });

    await test.step("operators: create, edit, deactivate, reactivate", async () => {
      await page.goto("/team/operators");
      await expect(page.getByText("O serviço de chat não permite excluir operadores.")).toBeVisible();
      await page.getByRole("button", { name: "Novo operador" }).click();
      const dialog = page.getByRole("dialog", { name: "Novo operador" });
      await expect(dialog.getByLabel("Nome do operador")).toBeFocused();
      // The form's own rules answer next to the field, before anything is sent.
      await dialog.getByRole("button", { name: "Salvar" }).click();
      await expect(dialog.getByLabel("Nome do operador")).toHaveAttribute("aria-invalid", "true");
      await dialog.getByLabel("Nome do operador").fill("Ana Lima");
      await dialog.getByRole("group", { name: "Departamentos que atende" }).getByLabel("Suporte").check();
      await page.setViewportSize({ width: 360, height: 780 });
      await shot(page, "team-operator-dialog-360");
      await page.setViewportSize({ width: 1280, height: 720 });
      await shot(page, "team-operator-dialog-1280");
      await dialog.getByRole("button", { name: "Salvar" }).click();
      const row = page.getByTestId("operator-row").filter({ hasText: "Ana Lima" });
      await expect(row).toContainText("Suporte");
      await expect(row).toContainText("Ativo");

      await row.getByRole("button", { name: "Editar Ana Lima" }).click();
      const edit = page.getByRole("dialog", { name: "Editar operador" });
      await edit.getByLabel("Nome do operador").fill("Ana Lima Souza");
      await edit.getByRole("button", { name: "Salvar" }).click();
      const renamed = page.getByTestId("operator-row").filter({ hasText: "Ana Lima Souza" });
      await expect(renamed).toBeVisible();

      await renamed.getByRole("button", { name: "Desativar Ana Lima Souza" }).click();
      await expect(renamed).toContainText("Inativo");
      await expect(page.getByText("Desativamos o acesso de Ana Lima Souza ao chat.")).toBeVisible();
      await renamed.getByRole("button", { name: "Reativar Ana Lima Souza" }).click();
      await expect(renamed.getByRole("button", { name: "Desativar Ana Lima Souza" })).toBeVisible();
      await expect(renamed).toContainText("Ativo");
      await withoutToasts(page);
      await expectAccessible(page);
      await shot(page, "team-operators");
    });

    await test.step("operators: a save over someone else's change says so instead of overwriting", async () => {
      const row = page.getByTestId("operator-row").filter({ hasText: "Ana Lima Souza" });
      await row.getByRole("button", { name: "Editar Ana Lima Souza" }).click();
      const edit = page.getByRole("dialog", { name: "Editar operador" });
      const current = await trpcQuery<{ items: Array<{ id: string; version: number }> }>(page, "operators.page", {
        search: "Ana Lima Souza",
      });
      await trpcMutation(page, "operators.update", {
        id: current.items[0]!.id,
        version: current.items[0]!.version,
        isAdmin: true,
      });
      await edit.getByLabel("Nome do operador").fill("Ana Outra");
      await edit.getByRole("button", { name: "Salvar" }).click();
      await expect(edit.getByText("Alguém alterou este operador enquanto você editava.")).toBeVisible();
      await shot(page, "team-operator-conflict");
      await edit.getByRole("button", { name: "Cancelar" }).click();
      await page.reload();
      await expect(page.getByTestId("operator-row").filter({ hasText: "Ana Lima Souza" })).toContainText("Sim");
    });

    await test.step("operators: a name already in use, in other letters, is refused next to the field", async () => {
      await page.getByRole("button", { name: "Novo operador" }).click();
      const dialog = page.getByRole("dialog", { name: "Novo operador" });
      await dialog.getByLabel("Nome do operador").fill("ana lima SOUZA");
      await dialog.getByRole("group", { name: "Departamentos que atende" }).getByLabel("Suporte").check();
      await dialog.getByRole("button", { name: "Salvar" }).click();
      await expect(
        dialog.getByText("Já existe um operador com o nome Ana Lima Souza. Escolha outro nome."),
      ).toBeVisible();
      await shot(page, "team-operator-name-taken");
      await dialog.getByRole("button", { name: "Cancelar" }).click();
      await expect(page.getByTestId("operator-row").filter({ hasText: /ana lima souza/i })).toHaveCount(1);
    });

    await test.step("operators: a create the chat service did not confirm says so in the table", async () => {
      await emulator.addFault({ method: "POST", path: "/operators$", kind: "status", status: 502, times: 1 });
      await page.getByRole("button", { name: "Novo operador" }).click();
      const dialog = page.getByRole("dialog", { name: "Novo operador" });
      await dialog.getByLabel("Nome do operador").fill("Bruno Dias");
      await dialog.getByRole("group", { name: "Departamentos que atende" }).getByLabel("Suporte").check();
      const answered = page.waitForResponse((response) => response.url().includes("operators.create"));
      await dialog.getByRole("button", { name: "Salvar" }).click();
      await answered;
      if (await dialog.isVisible()) await dialog.getByRole("button", { name: "Cancelar" }).click();
      await page.reload();
      await expect(page.getByTestId("operator-row").filter({ hasText: "Bruno Dias" })).toContainText(
        "Aguardando confirmação do serviço de chat",
      );
      await shot(page, "team-operator-uncertain");
    });
  });
});

test.describe("team: the kit at phone and desktop widths", () => {
  test("at 360 px tables are cards and the menu reaches every page; at 1280 a real table", async ({ page }) => {
    await page.goto("/sign-in");
    const owner = await signUpViaApi(page);
    await trpcMutation(page, "onboarding.createAccount", {
      companyName: owner.companyName,
      sessionName: owner.companyName,
    });
    await trpcMutation(page, "operators.create", {
      name: "Maria Aparecida dos Santos Oliveira",
      isAdmin: false,
      departmentIds: [],
    });
    const fits = async () =>
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await test.step("phone: operators and members are stacked cards, nothing scrolls sideways", async () => {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto("/team/operators");
      const operators = page.getByRole("list", { name: "Operadores" });
      const row = operators.getByTestId("operator-row").filter({ hasText: "Maria Aparecida dos Santos Oliveira" });
      await expect(row).toBeVisible();
      await expect(page.getByRole("table")).toHaveCount(0);
      await expect(row.getByRole("button", { name: "Editar Maria Aparecida dos Santos Oliveira" })).toBeVisible();
      await fits();
      await expectAccessible(page);
      await shot(page, "kit-operators-360");

      await page.goto("/team/members");
      await expect(page.getByRole("list", { name: "Membros da equipe" }).getByTestId("member-row")).toHaveCount(1);
      await expect(page.getByRole("table")).toHaveCount(0);
      await fits();
      await expectAccessible(page);
    });

    await test.step("phone: the Menu button opens the navigation; the user menu reaches Minha conta", async () => {
      await page.goto("/");
      const nav = page.getByRole("navigation", { name: "Navegação principal" });
      await expect(nav.getByRole("link", { name: "Operadores" })).toHaveCount(0);
      await nav.getByRole("button", { name: "Menu" }).click();
      await expect(page.getByRole("menuitem", { name: "Membros" })).toBeVisible();
      await fits();
      await shot(page, "kit-shell-menu-360");
      await page.getByRole("menuitem", { name: "Operadores" }).click();
      await expect(page).toHaveURL(/\/team\/operators$/);
      await expect(page.getByRole("heading", { name: "Operadores", level: 1 })).toBeVisible();
      await page.getByRole("button", { name: "Menu do usuário" }).click();
      await page.getByRole("menuitem", { name: "Minha conta" }).click();
      await expect(page).toHaveURL(/\/account$/);
      await fits();
    });

    await test.step("desktop: a real table with column headers and inline navigation", async () => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto("/team/operators");
      const table = page.getByRole("table", { name: "Operadores" });
      await expect(table.getByRole("columnheader", { name: "Nome" })).toBeVisible();
      await expect(table.getByTestId("operator-row").filter({ hasText: "Maria Aparecida" })).toBeVisible();
      await expect(page.getByRole("list", { name: "Operadores" })).toHaveCount(0);
      const nav = page.getByRole("navigation", { name: "Navegação principal" });
      await expect(nav.getByRole("link", { name: "Operadores" })).toHaveAttribute("aria-current", "page");
      await expect(nav.getByRole("button", { name: "Menu" })).toHaveCount(0);
      await expectAccessible(page);
      await shot(page, "kit-operators-1280");
    });
  });
});
