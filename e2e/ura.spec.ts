/**
 * Atendimento automático (URA): the suggested text, the departments the choice offers (Geral left
 * out on request), the live WhatsApp preview with "Maria", refusals in words, saved at the vendor
 * and read back after a reload; the audit sentence; one step in English; a member reads it only.
 * Screenshots at 1280, 390 and 360 px with axe and no sideways scroll.
 */
import { joinTeamViaForm } from "./fixtures/setup";
import { trpcMutation } from "./pages/team";
import {
  expect,
  expectAccessible,
  expectNoSidewaysScroll,
  ownerWithChatAccount,
  portalOrigin,
  shot,
  test,
} from "./fixtures";

test.describe("Atendimento automático", () => {
  test("the URA is saved at the chat and read back after a reload; a member reads it", async ({
    page,
    browser,
    emulator,
  }) => {
    const owner = await ownerWithChatAccount(page);
    await trpcMutation(page, "departments.refresh", undefined);
    await trpcMutation(page, "departments.create", { name: "Suporte" });
    await trpcMutation(page, "departments.create", { name: "Financeiro" });
    const [account] = await emulator.accountsFor(owner.organizationId);
    const accountId = account!.id;
    const welcome = page.getByLabel("Mensagem de boas-vindas");
    const choice = page.getByLabel("Mensagem para escolher o departamento");
    const preview = page.getByTestId("ura-preview");

    await test.step("opened from the menu: not saved yet, the suggested text, its preview with Maria", async () => {
      await page.goto("/team/members");
      await page.getByRole("link", { name: "Atendimento automático" }).first().click();
      await expect(page.getByRole("heading", { name: "Atendimento automático", level: 1 })).toBeVisible();
      await expect(page).toHaveTitle(/^Atendimento automático · /);
      await expect(page.getByTestId("ura-saved")).toHaveText(
        "Ainda não foi salvo: o texto abaixo é uma sugestão para começar.",
      );
      await expect(welcome).toHaveValue(/^Olá, \{senderName\}! /);
      await expect(page.getByLabel("Ligar o atendimento automático")).not.toBeChecked();
      await expect(preview).not.toContainText("Olá, Maria!");
      await expect(page.getByText("Com o atendimento automático desligado, nenhuma mensagem é enviada.")).toBeVisible();
      await page.getByLabel("Ligar o atendimento automático").check();
      await expect(preview).toContainText("Olá, Maria! Obrigado por falar com a gente.");
      await expect(page.getByText("Com “Maria” no lugar de {senderName}.", { exact: false })).toBeVisible();
    });

    await test.step("the active departments are offered; Geral can be left out", async () => {
      await expect(page.getByTestId("ura-offered-count")).toHaveText("3 departamentos serão oferecidos.");
      await expect(preview).toContainText("1. Geral\n2. Suporte\n3. Financeiro");
      await page.getByLabel("Não oferecer o departamento Geral").check();
      await expect(page.getByTestId("ura-offered-count")).toHaveText("2 departamentos serão oferecidos.");
      await expect(page.getByTestId("ura-departments")).toContainText("Geral · não oferecido");
      await expect(preview).toContainText("1. Suporte\n2. Financeiro");
      await expect(preview).not.toContainText("Geral");
    });

    await test.step("refusals in words next to the field; nothing reaches the chat", async () => {
      await welcome.fill("Olá, {nome}!");
      await page.getByRole("button", { name: "Salvar" }).click();
      await expect(
        page.getByText("Use só a variável {senderName} entre chaves. Tire as outras chaves do texto."),
      ).toBeVisible();
      await choice.fill("x".repeat(1001));
      await expect(page.getByText("1.001 caracteres de 1.000")).toBeVisible();
      await page.getByRole("button", { name: "Salvar" }).click();
      await expect(page.getByText("Use no máximo 1.000 caracteres.")).toBeVisible();
      expect((await emulator.account(accountId)).ura).toBeNull();
    });

    const saved = {
      active: true,
      ignoreGeral: true,
      ignoreGroups: true,
      welcomeMessage: "Oi, {senderName}! Aqui é a Padaria Pão Quente.\nJá vamos responder.",
      departmentMessage: "Responda com o número do assunto:",
    };

    await test.step("saved: the chat got every field; the preview fills the name", async () => {
      await welcome.fill(saved.welcomeMessage);
      await choice.fill(saved.departmentMessage);
      await expect(preview).toContainText("Oi, Maria! Aqui é a Padaria Pão Quente.");
      await page.getByRole("button", { name: "Salvar" }).click();
      await expect(page.getByText("Atendimento automático salvo.")).toBeVisible();
      await expect(page.getByTestId("ura-saved")).toContainText("Salvo por Maria Souza em");
      await expect.poll(async () => (await emulator.account(accountId)).ura).toEqual(saved);
    });

    await test.step("read back after a reload", async () => {
      await page.reload();
      await expect(welcome).toHaveValue(saved.welcomeMessage);
      await expect(choice).toHaveValue(saved.departmentMessage);
      await expect(page.getByLabel("Ligar o atendimento automático")).toBeChecked();
      await expect(page.getByLabel("Não oferecer o departamento Geral")).toBeChecked();
      await expect(page.getByLabel("Não responder mensagens de grupos do WhatsApp")).toBeChecked();
      await expect(page.getByTestId("ura-saved")).toContainText("Salvo por Maria Souza em");
    });

    await test.step("desktop and phones: screenshots, axe, no sideways scroll", async () => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await expect(page.getByText("Atendimento automático salvo.")).toHaveCount(0, { timeout: 15_000 });
      await shot(page, "ura-owner-1280");
      await expectAccessible(page);
      for (const width of [390, 360]) {
        await expectNoSidewaysScroll(page, width);
        await shot(page, `ura-owner-${width}`);
        await expectAccessible(page);
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    await test.step("Auditoria says it in a sentence", async () => {
      await page.goto("/team/audit");
      await expect(page.getByText("Maria Souza alterou o atendimento automático").first()).toBeVisible();
    });

    await test.step("in English", async () => {
      await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: portalOrigin() }]);
      await page.goto("/automatic-reply");
      await expect(page.getByRole("heading", { name: "Automatic reply", level: 1 })).toBeVisible();
      await expect(page.getByLabel("Welcome message")).toHaveValue(saved.welcomeMessage);
      await expect(page.getByTestId("ura-saved")).toContainText("Saved by Maria Souza on");
      await expect(page.getByTestId("ura-offered-count")).toHaveText("2 departments will be offered.");
      await shot(page, "ura-owner-en-1280");
      await expectAccessible(page);
      await page.context().addCookies([{ name: "NEXT_LOCALE", value: "pt-BR", url: portalOrigin() }]);
    });

    await test.step("a member reads the same settings and cannot change them", async () => {
      const { page: guest, context } = await joinTeamViaForm(browser, page, "Carla Membro", {
        prefix: "ura",
        contextOptions: { timezoneId: "America/Sao_Paulo" },
      });
      try {
        await expect(guest.getByTestId("org-name")).toHaveText(owner.companyName);
        await guest.goto("/automatic-reply");
        await expect(guest.getByText("Só quem administra a conta pode mudar o atendimento automático.")).toBeVisible();
        await expect(guest.getByLabel("Mensagem de boas-vindas")).toHaveValue(saved.welcomeMessage);
        await expect(guest.getByLabel("Mensagem de boas-vindas")).toBeDisabled();
        await expect(guest.getByRole("button", { name: "Salvar" })).toHaveCount(0);
        await expectNoSidewaysScroll(guest, 360);
        await shot(guest, "ura-member-360");
        await expectAccessible(guest);
      } finally {
        await context.close();
      }
    });
  });
});
