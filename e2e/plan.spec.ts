/**
 * Plano e assinatura: the subscription and its monthly total (PLAN_PRICE_PER_SEAT = 49.90 in the e2e
 * server), seats changed with the price preview and a confirmation (never below 2), cancelled with a
 * confirmation and a required reason, what that means for the chat, and the history of both; one
 * step in English. Screenshots at 1280, 390 and 360 px with axe and no sideways scroll.
 */
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

const SUBSCRIPTION = "POST /account/:id/subscription";
const CANCEL = "POST /account/:id/cancel-subscription";

test.describe("Plano e assinatura", () => {
  test("seats changed with confirmation, the subscription cancelled with a reason, the history shows both", async ({
    page,
    emulator,
  }) => {
    const owner = await ownerWithChatAccount(page);
    await trpcMutation(page, "plan.subscribe", { seats: 2, pricePerSeatCents: 4990 });
    const [account] = await emulator.accountsFor(owner.organizationId);
    const accountId = account!.id;
    const status = page.getByTestId("plan-status");
    const seats = page.getByLabel("Quantidade de operadores na assinatura");

    await test.step("opened from the menu: trial days, 2 operators and R$ 99,80 a month", async () => {
      await page.goto("/");
      await page.getByRole("link", { name: "Plano", exact: true }).first().click();
      await expect(page.getByRole("heading", { name: "Plano e assinatura", level: 1 })).toBeVisible();
      await expect(page).toHaveTitle(/^Plano e assinatura · /);
      await expect(page.getByTestId("plan-trial")).toContainText("Período de teste: faltam 7 dias (até ");
      await expect(status).toContainText("Assinatura ativa com 2 operadores.");
      await expect(status).toContainText("R$ 99,80 por mês (R$ 49,90 por operador).");
      await expect(seats).toHaveValue("2");
      await expect(page.getByTestId("plan-history-row")).toHaveCount(1);
    });

    await test.step("below 2 is refused next to the field, with no dialog and no call", async () => {
      const calls = await emulator.requestCount(SUBSCRIPTION);
      await seats.fill("1");
      await page.getByRole("button", { name: "Mudar assinatura" }).click();
      await expect(page.getByText("O plano precisa de pelo menos 2 operadores.")).toBeVisible();
      await expect(page.getByRole("dialog")).toHaveCount(0);
      expect(await emulator.requestCount(SUBSCRIPTION)).toBe(calls);
    });

    await test.step("what the chat refuses is said next to the field, and nothing changes", async () => {
      await emulator.addFault({ method: "POST", path: "/subscription$", kind: "status", status: 400, times: 1 });
      await seats.fill("4");
      await page.getByRole("button", { name: "Mudar assinatura" }).click();
      await page
        .getByRole("dialog", { name: "Confirmar mudança" })
        .getByRole("button", { name: "Confirmar mudança" })
        .click();
      await expect(page.getByText("O serviço de chat recusou a solicitação: injected fault")).toBeVisible();
      await expect(seats).toHaveAttribute("aria-invalid", "true");
      await expect(status).toContainText("Assinatura ativa com 2 operadores.");
      await expect(page.getByTestId("plan-history-row")).toHaveCount(1);
    });

    await test.step("5 operators: the total, a confirmation naming before and after; Voltar sends nothing", async () => {
      await seats.fill("5");
      await expect(page.getByTestId("plan-total")).toHaveText("5 operadores × R$ 49,90 = R$ 249,50 por mês");
      const calls = await emulator.requestCount(SUBSCRIPTION);
      await page.getByRole("button", { name: "Mudar assinatura" }).click();
      const dialog = page.getByRole("dialog", { name: "Confirmar mudança" });
      await expect(dialog).toContainText(
        "Você vai mudar a assinatura de 2 operadores para 5 operadores: R$ 249,50 por mês (R$ 49,90 cada).",
      );
      await shot(page, "plan-change-dialog-1280");
      await dialog.getByRole("button", { name: "Voltar" }).click();
      await expect(dialog).toBeHidden();
      expect(await emulator.requestCount(SUBSCRIPTION)).toBe(calls);
      await page.getByRole("button", { name: "Mudar assinatura" }).click();
      await dialog.getByRole("button", { name: "Confirmar mudança" }).click();
      await expect(dialog).toBeHidden();
      await expect(status).toContainText("Assinatura ativa com 5 operadores.");
      await expect(status).toContainText("R$ 249,50 por mês");
      expect(await emulator.requestCount(SUBSCRIPTION)).toBe(calls + 1);
      expect((await emulator.account(accountId)).subscription).toMatchObject({ quantity: 5, status: "active" });
    });

    await test.step("cancel: the reason is required; a confirmation says what it means", async () => {
      const cancelCard = page.getByTestId("plan-cancel");
      await expect(cancelCard).toContainText("Sem assinatura, o chat funciona só até o fim do período de teste, em");
      await cancelCard.getByRole("button", { name: "Cancelar assinatura" }).click();
      await expect(cancelCard.getByText("Escolha um motivo.")).toBeVisible();
      await expect(page.getByRole("dialog")).toHaveCount(0);
      await cancelCard.getByLabel("Motivo do cancelamento").selectOption({ label: "O preço está alto" });
      await cancelCard.getByLabel("Conte mais (opcional)").fill("Vamos voltar no ano que vem.");
      await cancelCard.getByRole("button", { name: "Cancelar assinatura" }).click();
      const dialog = page.getByRole("dialog", { name: "Cancelar a assinatura?" });
      await expect(dialog).toContainText("Você vai cancelar a assinatura de 5 operadores.");
      await expect(dialog).toContainText("Motivo: O preço está alto");
      await expect(dialog).toContainText("o chat funciona só até o fim do período de teste");
      await dialog.getByRole("button", { name: "Manter assinatura" }).click();
      await expect(dialog).toBeHidden();
      expect(await emulator.requestCount(CANCEL)).toBe(0);
      await cancelCard.getByRole("button", { name: "Cancelar assinatura" }).click();
      await dialog.getByRole("button", { name: "Cancelar assinatura" }).click();
      await expect(dialog).toBeHidden();
      await expect(status).toContainText("Assinatura cancelada em ");
      await expect(status).toContainText("Sem assinatura, o chat funciona só até o fim do período de teste");
      await expect(page.getByTestId("plan-cancel")).toHaveCount(0);
      expect(await emulator.requestCount(CANCEL)).toBe(1);
      expect((await emulator.account(accountId)).subscription).toMatchObject({ quantity: 5, status: "canceled" });
    });

    await test.step("the history: subscribed, changed, cancelled — who and the reason", async () => {
      const rows = page.getByTestId("plan-history-row");
      await expect(rows).toHaveCount(3);
      await expect(rows.nth(0)).toContainText("Cancelou a assinatura de 5 operadores");
      await expect(rows.nth(0)).toContainText("Motivo: O preço está alto — “Vamos voltar no ano que vem.”");
      await expect(rows.nth(0)).toContainText("Maria Souza");
      await expect(rows.nth(1)).toContainText("Mudou de 2 operadores para 5 operadores");
      await expect(rows.nth(2)).toContainText("Assinou com 2 operadores");
    });

    await test.step("read back after a reload; desktop and phones: screenshots, axe, no sideways scroll", async () => {
      await page.reload();
      await expect(status).toContainText("Assinatura cancelada em ");
      await expect(page.getByRole("heading", { name: "Assinar", level: 2 })).toBeVisible();
      await page.setViewportSize({ width: 1280, height: 900 });
      await expect(page.locator("[data-toast]")).toHaveCount(0, { timeout: 15_000 });
      await shot(page, "plan-owner-1280");
      await expectAccessible(page);
      for (const width of [390, 360]) {
        await expectNoSidewaysScroll(page, width);
        await shot(page, `plan-owner-${width}`);
        await expectAccessible(page);
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    await test.step("in English", async () => {
      await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: portalOrigin() }]);
      await page.reload();
      await expect(page.getByRole("heading", { name: "Plan and subscription", level: 1 })).toBeVisible();
      await expect(status).toContainText("Subscription cancelled on ");
      await expect(status).toContainText("the chat works only until the end of the trial");
      await expect(page.getByTestId("plan-history-row").nth(1)).toContainText(
        "Changed from 2 operators to 5 operators",
      );
      await shot(page, "plan-owner-en-1280");
      await expectAccessible(page);
      await page.context().addCookies([{ name: "NEXT_LOCALE", value: "pt-BR", url: portalOrigin() }]);
    });
  });
});
