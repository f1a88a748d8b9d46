import { expect, expectAccessible, shot, test, vendorApi as vendor, withoutToasts } from "./fixtures";
import { joinTeamViaForm, ownerWithTeamViaApi } from "./fixtures/setup";

test.describe("team: Sincronizar com o PlugChat", () => {
  test("differences made at the vendor are shown in words and fixed in either direction", async ({
    page,
    browser,
    emulator,
  }) => {
    await page.goto("/sign-in");
    const { accountId: acc } = await ownerWithTeamViaApi(page, emulator);

    await test.step("at the vendor, behind our back: a rename, a deactivation, a new operator and a new department", async () => {
      const ops = await vendor<Array<{ id: string; name: string; departments: string[] }>>(
        "GET",
        `/account/${acc}/operators`,
      );
      const ana = ops.find((o) => o.name === "Ana Lima")!;
      await vendor("PUT", `/account/${acc}/operators`, {
        id: ana.id,
        name: "Ana Paula Lima",
        active: true,
        departments: ana.departments,
      });
      const deps = await vendor<Array<{ id: string; name: string }>>("GET", `/account/${acc}/departments`);
      await vendor("PUT", `/account/${acc}/departments`, {
        id: deps.find((d) => d.name === "Suporte")!.id,
        name: "Suporte",
        active: false,
      });
      await vendor("POST", `/account/${acc}/operators`, {
        name: "Bruno Criado no PlugChat",
        active: true,
        departments: [],
      });
      await vendor("POST", `/account/${acc}/departments`, { name: "Financeiro", active: true });
    });

    await test.step("the owner opens Sincronizar and reads the three kinds of differences", async () => {
      // Not "/": the unfinished wizard's departments step would mirror the vendor's departments first.
      await page.goto("/team/members");
      await page.getByRole("link", { name: "Sincronizar" }).click();
      await expect(page.getByRole("heading", { name: "Sincronizar com o PlugChat", level: 1 })).toBeVisible();
      await expect(page.getByTestId("last-compared")).toContainText("Última comparação:");
      const operators = page.getByTestId("sync-section-operator");
      await expect(operators.getByTestId("operator-different")).toContainText("Com diferenças");
      const ana = operators.getByTestId("operator-different").getByTestId("sync-row");
      await expect(ana).toContainText("Ana Lima");
      await expect(ana).toContainText("Ana Paula Lima");
      await expect(operators.getByTestId("operator-only-vendor")).toContainText("Só no PlugChat");
      await expect(operators.getByTestId("operator-only-vendor")).toContainText("Bruno Criado no PlugChat");
      await expect(operators.getByTestId("operator-only-vendor")).toContainText("Não existe no portal");
      const departments = page.getByTestId("sync-section-department");
      await expect(departments.getByTestId("department-only-vendor")).toContainText("Financeiro");
      const sup = departments.getByTestId("department-different").getByTestId("sync-row");
      await expect(sup).toContainText("Situação");
      await expect(sup.getByRole("cell").nth(0)).toContainText("Ativo");
      await expect(sup.getByRole("cell").nth(1)).toContainText("Inativo");
      await expectAccessible(page);
      await shot(page, "sync-differences");
    });

    await test.step("fix one each way: PlugChat's name for Ana, the portal's status for Suporte, adopt the rest", async () => {
      await page.getByRole("button", { name: "Usar os dados do PlugChat para Ana Lima" }).click();
      await expect(page.getByText("O portal agora tem os dados do PlugChat para Ana Paula Lima.")).toBeVisible();
      await page.getByRole("button", { name: "Usar os dados do portal para Suporte" }).click();
      await expect(page.getByText("O PlugChat agora tem os dados do portal para Suporte.")).toBeVisible();
      await page.getByRole("button", { name: "Trazer para o portal Bruno Criado no PlugChat" }).click();
      await expect(page.getByText("Bruno Criado no PlugChat agora está no portal.")).toBeVisible();
      await page.getByRole("button", { name: "Trazer para o portal Financeiro" }).click();
      await expect(page.getByText("Financeiro agora está no portal.")).toBeVisible();
      const deps = await vendor<Array<{ name: string; active: boolean }>>("GET", `/account/${acc}/departments`);
      expect(deps.find((d) => d.name === "Suporte")!.active).toBe(true);
    });

    await test.step("comparing again: all up to date", async () => {
      await page.getByRole("button", { name: "Comparar agora" }).click();
      await expect(page.getByTestId("up-to-date")).toContainText("Tudo em dia");
      await withoutToasts(page);
      await expectAccessible(page);
      await shot(page, "sync-up-to-date");
      await page.goto("/team/operators");
      await expect(page.getByText("Ana Paula Lima")).toBeVisible();
      await expect(page.getByText("Bruno Criado no PlugChat")).toBeVisible();
    });

    await test.step("the chat service does not answer: the page says so and does not claim all is well", async () => {
      await page.goto("/team/sync");
      await expect(page.getByTestId("up-to-date")).toBeVisible();
      await emulator.addFault({ method: "GET", path: "/operators$", kind: "status", status: 503, times: 5 });
      await page.getByRole("button", { name: "Comparar agora" }).click();
      await expect(page.getByText(/Não foi possível comparar com o PlugChat/)).toBeVisible();
      await expect(page.getByTestId("up-to-date")).toHaveCount(0);
      await emulator.clearFaults();
    });

    await test.step("a failed fix comes back with a toast (rollback)", async () => {
      const ops = await vendor<Array<{ id: string; name: string; departments: string[] }>>(
        "GET",
        `/account/${acc}/operators`,
      );
      const bruno = ops.find((o) => o.name === "Bruno Criado no PlugChat")!;
      await vendor("PUT", `/account/${acc}/operators`, {
        id: bruno.id,
        name: "Bruno Renomeado",
        active: true,
        departments: [],
      });
      await page.goto("/team/sync");
      const row = page.getByTestId("operator-different").getByTestId("sync-row");
      await expect(row).toContainText("Bruno Renomeado");
      await emulator.addFault({ method: "PUT", path: "/operators$", kind: "status", status: 422, times: 1 });
      await page.getByRole("button", { name: "Usar os dados do portal para Bruno Criado no PlugChat" }).click();
      await expect(
        page.locator("[data-toast]").filter({ hasText: "O serviço de chat recusou a solicitação" }),
      ).toBeVisible();
      await expect(row).toContainText("Bruno Renomeado");
      await shot(page, "sync-rollback");
    });

    await test.step("a member has no Sincronizar link and is sent back from its address", async () => {
      const { page: guest, context } = await joinTeamViaForm(browser, page, "Marcos Membro");
      try {
        await guest.goto("/team/operators");
        await expect(guest.getByRole("link", { name: "Membros" })).toBeVisible();
        await expect(guest.getByRole("link", { name: "Sincronizar" })).toHaveCount(0);
        const page403 = await guest.goto("/team/sync");
        expect(page403?.status()).toBe(403);
        await expect(guest.getByRole("heading", { name: "Sem acesso", level: 1 })).toBeVisible();
        const res = await guest.request.post("/api/trpc/sync.adoptAll", {
          data: { json: null },
          headers: { "content-type": "application/json", origin: new URL(guest.url()).origin },
        });
        expect(res.status()).toBe(403);
      } finally {
        await context.close();
      }
    });
  });
});
