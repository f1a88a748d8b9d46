/**
 * Atendimentos: attendances fired from the emulator at the account's webhook URLs appear live
 * (no reload); filters, search and the detail drawer; a member sees masked phones; one step in
 * English. Screenshots at 1280, 390 and 360 px; axe on each; no sideways scroll on phones.
 */
import type { Page } from "@playwright/test";
import { expect, expectAccessible, portalOrigin, shot, test } from "./fixtures";
import { joinTeamViaForm, ownerWithTeamViaApi } from "./fixtures/setup";

interface EmuAttendance {
  accountId: string;
  entry: { attendanceNumber: number; customer: { name: string; phone: string }; startTime: number };
}

async function fire(accountId: string, count: number): Promise<number[]> {
  const origin = process.env.E2E_EMULATOR_URL ?? "http://127.0.0.1:4110";
  const res = await fetch(`${origin}/__emulator/accounts/${accountId}/attendances/fire`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ count }),
  });
  expect(res.ok, await res.clone().text()).toBe(true);
  const body = (await res.json()) as { attendanceNumbers: number[]; failedDeliveries: number };
  expect(body.failedDeliveries).toBe(0);
  return body.attendanceNumbers;
}

async function expectNoSidewaysScroll(page: Page, width: number) {
  await page.setViewportSize({ width, height: 800 });
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: `scrollWidth at ${width}px` })
    .toBe(width);
}

test.describe("Atendimentos", () => {
  test("attendances fired at the webhooks appear live; filters, search, drawer; masked phones for a member", async ({
    page,
    browser,
    emulator,
  }) => {
    await page.goto("/sign-in");
    const { owner, accountId } = await ownerWithTeamViaApi(page, emulator);
    const fired = async () =>
      ((await emulator.state()).attendances as EmuAttendance[]).filter((a) => a.accountId === accountId);

    await test.step("the owner opens Atendimentos from the menu: empty, and 'Ao vivo'", async () => {
      await page.goto("/team/members");
      await page.getByRole("link", { name: "Atendimentos" }).first().click();
      await expect(page.getByRole("heading", { name: "Atendimentos", level: 1 })).toBeVisible();
      await expect(page).toHaveTitle(/^Atendimentos · /);
      await expect(page.getByTestId("live-indicator")).toContainText("Ao vivo");
      await expect(page.getByText("Nenhum atendimento encontrado.")).toBeVisible();
    });

    await test.step("three attendances fired at the webhooks appear within 5 s, without a reload", async () => {
      const marker = await page.evaluate(() => ((window as unknown as { __still: number }).__still = Date.now()));
      await fire(accountId, 3);
      await expect(page.getByTestId("attendance-row")).toHaveCount(3, { timeout: 5_000 });
      // The same document: nothing reloaded the page.
      expect(await page.evaluate(() => (window as unknown as { __still?: number }).__still)).toBe(marker);
      const first = (await fired())[0]!;
      const d = first.entry.customer.phone;
      const row = page.getByTestId("attendance-row").filter({ hasText: first.entry.customer.name });
      await expect(row).toContainText(`+55 ${d.slice(2, 4)} ${d.slice(4, 9)}-${d.slice(9)}`);
      await expect(row).toContainText("Encerrado");
    });

    await fire(accountId, 9);
    await expect(page.getByTestId("attendance-row")).toHaveCount(12);
    const all = await fired();

    await test.step("desktop 1280: tiles for today, screenshot and axe", async () => {
      await page.setViewportSize({ width: 1280, height: 900 });
      // Filed under the Brasília day they started: just after midnight there, some started yesterday.
      const brasiliaDay = (at: number) => new Date(at - 3 * 3600_000).toISOString().slice(0, 10);
      const startedToday = all.filter((a) => brasiliaDay(a.entry.startTime) === brasiliaDay(Date.now())).length;
      await expect(page.getByTestId("tiles-today")).toContainText(new RegExp(`Atendimentos\\s*${startedToday}(?!\\d)`));
      await expect(page.getByTestId("tiles-today")).toContainText("Avaliação média");
      await expect(page.getByTestId("tiles-period")).toContainText(/Atendimentos\s*12/);
      await shot(page, "attendances-owner-1280");
      await expectAccessible(page);
    });

    await test.step("filter by department: only Suporte's attendances", async () => {
      const filters = page.getByRole("search", { name: "Filtros" });
      await filters.getByLabel("Departamento").selectOption("Suporte");
      await filters.getByRole("button", { name: "Filtrar" }).click();
      await expect(page).toHaveURL(/department=Suporte/);
      const rows = page.getByTestId("attendance-row");
      const expected = (await page.request
        .get(
          `/api/trpc/attendances.list?input=${encodeURIComponent(
            JSON.stringify({ json: { department: "Suporte", limit: 100 } }),
          )}`,
        )
        .then((r) => r.json())) as { result: { data: { json: { items: unknown[] } } } };
      await expect(rows).toHaveCount(expected.result.data.json.items.length);
      for (const text of await rows.allInnerTexts()) expect(text).toContain("Suporte");
      await filters.getByRole("button", { name: "Limpar" }).click();
      await expect(rows).toHaveCount(12);
    });

    await test.step("search by the customer's name, then by phone digits", async () => {
      const target = all[5]!.entry.customer;
      const filters = page.getByRole("search", { name: "Filtros" });
      await filters.getByLabel("Buscar cliente").fill(target.name);
      await filters.getByRole("button", { name: "Filtrar" }).click();
      const rows = page.getByTestId("attendance-row");
      await expect(page).toHaveURL(/q=/);
      await expect(rows.filter({ hasText: target.name })).not.toHaveCount(0);
      // The previous list stays on screen until the new one arrives; any part of a name matches
      // ("Ana Silva" also finds "Luana Silva").
      await expect
        .poll(async () =>
          (await rows.allInnerTexts()).every((t) => t.toLowerCase().includes(target.name.toLowerCase())),
        )
        .toBe(true);
      await filters.getByLabel("Buscar cliente").fill(target.phone.slice(-8));
      await filters.getByRole("button", { name: "Filtrar" }).click();
      await expect(rows).toHaveCount(1);
      await expect(rows).toContainText(target.name);
    });

    await test.step("the detail drawer shows the attendance's fields and message count", async () => {
      const target = all[5]!;
      await page.getByRole("button", { name: `${target.entry.customer.name} · Ver detalhes` }).click();
      const drawer = page.getByRole("dialog", { name: `Atendimento nº ${target.entry.attendanceNumber}` });
      await expect(drawer).toBeVisible();
      await expect(drawer.getByTestId("attendance-details")).toContainText(/\d+ mensagens/);
      await expect(drawer.getByTestId("attendance-details")).toContainText("Encerrado");
      await shot(page, "attendances-drawer-1280");
      await expectAccessible(page);
      await drawer.getByRole("button", { name: "Fechar" }).click();
      await expect(drawer).toBeHidden();
      await page.getByRole("search", { name: "Filtros" }).getByRole("button", { name: "Limpar" }).click();
      await expect(page.getByTestId("attendance-row")).toHaveCount(12);
    });

    await test.step("phones 390 and 360: cards, no sideways scroll, axe", async () => {
      for (const width of [390, 360]) {
        await expectNoSidewaysScroll(page, width);
        await shot(page, `attendances-owner-${width}`);
        await expectAccessible(page);
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    await test.step("in English", async () => {
      await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: portalOrigin() }]);
      await page.reload();
      await expect(page.getByRole("heading", { name: "Attendances", level: 1 })).toBeVisible();
      await expect(page.getByTestId("live-indicator")).toContainText("Live");
      await expect(page.getByTestId("attendance-row").first()).toContainText("Finished");
      await shot(page, "attendances-owner-en-1280");
      await page.context().addCookies([{ name: "NEXT_LOCALE", value: "pt-BR", url: portalOrigin() }]);
    });

    await test.step("a member sees the list with masked phones, live", async () => {
      const { page: guest, context } = await joinTeamViaForm(browser, page, "Carla Membro", {
        prefix: "atend",
        contextOptions: { timezoneId: "America/Sao_Paulo" },
      });
      try {
        await expect(guest.getByTestId("org-name")).toHaveText(owner.companyName);
        await guest.goto("/attendances");
        await expect(guest.getByRole("heading", { name: "Atendimentos", level: 1 })).toBeVisible();
        await expect(guest.getByText("só administradores veem o número completo")).toBeVisible();
        const phones = guest.getByTestId("attendance-phone");
        await expect(phones).toHaveCount(12);
        for (const text of await phones.allInnerTexts()) expect(text).toMatch(/^\+55 \d\d 9····-\d{4}$/);
        const html = await guest.content();
        for (const a of all) expect(html).not.toContain(a.entry.customer.phone);
        await fire(accountId, 1);
        await expect(phones).toHaveCount(13, { timeout: 5_000 });
        await expect(guest.getByTestId("live-indicator")).toContainText("Ao vivo");
        for (const width of [360, 1280]) {
          await expectNoSidewaysScroll(guest, width);
          await shot(guest, `attendances-member-${width}`);
          await expectAccessible(guest);
        }
      } finally {
        await context.close();
      }
    });
  });
});
