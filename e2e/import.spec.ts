/**
 * Importar operadores, end to end: a 50-row CSV with 3 bad rows is previewed (errors in words
 * on the right lines), 47 operators are imported by the durable job while the vendor answers
 * slowly, the progress survives a reload and reaches 100%, a row the vendor refused is retried,
 * and the vendor ends up with exactly the 47 operators. Plus the template and the member wall.
 */
import { readFile } from "node:fs/promises";
import { trpcMutation } from "./pages/team";
import { expect, expectAccessible, shot, test, type EmulatorControl } from "./fixtures";
import { joinTeamViaApi, onboardedOwnerViaApi } from "./fixtures/setup";

/** Latency added to every vendor call, so the progress is visibly live. */
async function setVendorLatency(emulator: EmulatorControl, latencyMs: number) {
  const res = await fetch(`${emulator.origin}/__emulator/latency`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ latencyMs }),
  });
  expect(res.ok).toBe(true);
}

interface EmuOperator {
  accountId: string;
  name: string;
  departments: string[];
  isAdmin: boolean;
  login: string | null;
}

/** 50 operators; line L of the file is data row L-1 (the header is line 1). Lines 12, 25 and 40 are bad. */
function fiftyRowCsv(): { csv: string; validNames: string[]; duplicated: string } {
  const rows: string[][] = [];
  for (let i = 1; i <= 50; i++) {
    const name = i % 7 === 0 ? `João Conceição ${i}` : `Operador ${String(i).padStart(2, "0")}`;
    const departments = i % 3 === 0 ? "Vendas|Suporte" : i % 3 === 1 ? "Suporte" : "";
    const admin = i % 10 === 0 ? "sim" : i % 2 === 0 ? "não" : "";
    const login = i % 4 === 0 ? `op${i}` : "";
    rows.push([name, departments, admin, login]);
  }
  rows[10]![1] = "Marketing"; // line 12: a department that does not exist
  rows[23]![0] = rows[1]![0]!; // line 25: the same name as line 3
  rows[38]![2] = "talvez"; // line 40: not a yes/no value
  const validNames = rows.filter((_, i) => ![10, 23, 38].includes(i)).map((r) => r[0]!);
  const csv = ["nome;departamentos;admin;login", ...rows.map((r) => r.join(";"))].join("\r\n") + "\r\n";
  return { csv, validNames, duplicated: rows[1]![0]! };
}

test.describe("import operators from a CSV", () => {
  test("50 rows with 3 bad ones: preview in words, 47 imported live, progress survives a reload, a refused row is retried", async ({
    page,
    emulator,
  }) => {
    test.setTimeout(240_000);
    await page.goto("/sign-in");
    const owner = await onboardedOwnerViaApi(page);
    await trpcMutation(page, "departments.create", { name: "Suporte" });
    await trpcMutation(page, "departments.create", { name: "Vendas" });
    const [account] = await emulator.accountsFor(owner.organizationId);
    expect(account).toBeDefined();
    const { csv, validNames, duplicated } = fiftyRowCsv();

    await test.step("the owner opens Importar from the team navigation", async () => {
      await page.goto("/team/operators");
      await page.getByRole("link", { name: "Importar" }).click();
      await expect(page.getByRole("heading", { name: "Importar operadores", level: 1 })).toBeVisible();
      await expect(page.getByRole("link", { name: "Baixar modelo CSV" })).toBeVisible();
      // The columns are explained on the page.
      await expect(page.getByText("Departamentos que já existem no portal, separados por |")).toBeVisible();
      await expectAccessible(page);
      await shot(page, "import-1-empty");
    });

    await test.step("a file that is not a CSV is refused with a clear message", async () => {
      await page.getByLabel("Arquivo CSV").setInputFiles({
        name: "planilha.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: Buffer.from("PK"),
      });
      await expect(page.getByRole("alert").filter({ hasText: '"planilha.xlsx" não é um arquivo CSV.' })).toBeVisible();
      await page
        .getByLabel("Arquivo CSV")
        .setInputFiles({ name: "enorme.csv", mimeType: "text/csv", buffer: Buffer.alloc(1_100_000, "a") });
      await expect(
        page.getByRole("alert").filter({ hasText: '"enorme.csv" tem 1,1 MB; o limite é 1 MB.' }),
      ).toBeVisible();
    });

    await test.step("the preview shows the 3 errors in words on their lines, and 47 valid rows", async () => {
      await page
        .getByLabel("Arquivo CSV")
        .setInputFiles({ name: "operadores.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${csv}`, "utf8") });
      await expect(page.getByText("Arquivo: operadores.csv")).toBeVisible();
      await expect(page.getByTestId("preview-summary")).toHaveText("47 válidas · 3 com erro");
      await expect(page.getByText("Conferido no servidor")).toBeVisible();
      const row = (line: number) => page.locator(`[data-testid="preview-row"][data-line="${line}"]`);
      await expect(row(12)).toContainText('Departamento "Marketing" não existe.');
      await expect(row(25)).toContainText(`"${duplicated}" aparece mais de uma vez no arquivo.`);
      await expect(row(40)).toContainText('"talvez" não é válido: use sim ou não.');
      await expect(page.locator('[data-testid="preview-row"][data-invalid]')).toHaveCount(3);
      await expect(page.getByTestId("preview-row")).toHaveCount(50);
      // Accents survive the trip (UTF-8 with a BOM, as Excel's "CSV UTF-8" writes it).
      await expect(row(8)).toContainText("João Conceição 7");
      await page.getByLabel("Mostrar só linhas com erro").check();
      await expect(page.getByTestId("preview-row")).toHaveCount(3);
      await expectAccessible(page);
      await shot(page, "import-2-preview-errors");
      await page.getByLabel("Mostrar só linhas com erro").uncheck();
      await expect(page.getByTestId("preview-row")).toHaveCount(50);
    });

    await test.step("mobile: the preview fits a 390 px phone", async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByLabel("Mostrar só linhas com erro").check();
      await shot(page, "import-3-preview-mobile");
      await page.getByLabel("Mostrar só linhas com erro").uncheck();
      await page.setViewportSize({ width: 1280, height: 720 });
    });

    await test.step("the import starts; the vendor is slow and refuses two creates", async () => {
      await setVendorLatency(emulator, 150);
      await emulator.addFault({
        method: "POST",
        path: `/account/${account!.id}/operators$`,
        kind: "status",
        status: 400,
        times: 2,
      });
      await page.getByRole("button", { name: "Importar 47 operadores" }).click();
      await expect(page).toHaveURL(/\/team\/import\?job=[0-9a-f-]{36}$/);
      const bar = page.getByRole("progressbar", { name: "Progresso da importação" });
      await expect(bar).toBeVisible();
      await expect(bar).toHaveAttribute("aria-valuemin", "0");
      await expect(bar).toHaveAttribute("aria-valuemax", "100");
      // The bar moves while the job runs: a value strictly between 0 and 100 is seen.
      await expect
        .poll(async () => Number(await bar.getAttribute("aria-valuenow")), { intervals: [100], timeout: 20_000 })
        .toBeGreaterThan(0);
      await shot(page, "import-4-progress");
    });

    await test.step("a reload mid-way finds the job again, which reaches 100%", async () => {
      await page.reload();
      await expect(page).toHaveURL(/\?job=/);
      const bar = page.getByRole("progressbar", { name: "Progresso da importação" });
      await expect(bar).toBeVisible();
      await expect(bar).toHaveAttribute("aria-valuenow", "100", { timeout: 45_000 });
      await expect(page.getByTestId("import-counts")).toHaveText("45 importados · 2 com falha · 0 restantes");
      await expect(page.getByText("Importação concluída com 2 falhas.")).toBeVisible();
      // The same job is found from the bare address too (the latest import links to it).
      await page.goto("/team/import");
      await expect(page.getByText(/Última importação: operadores\.csv — 45 importados, 2 com falha\./)).toBeVisible();
      await page.getByRole("link", { name: "Ver detalhes" }).click();
      await expect(page).toHaveURL(/\?job=/);
    });

    await test.step("the refused rows are listed with their reason in words; one is retried, then all", async () => {
      await setVendorLatency(emulator, 0);
      const failed = page.getByTestId("failed-row");
      await expect(failed).toHaveCount(2);
      for (const row of await failed.all()) {
        await expect(row).toContainText(/^Linha \d+: /);
        await expect(row).toContainText("O serviço de chat recusou a solicitação");
      }
      await expectAccessible(page);
      await shot(page, "import-5-failed-rows");
      await failed
        .first()
        .getByRole("button", { name: /^Tentar de novo a linha \d+/ })
        .click();
      await expect(page.getByTestId("import-counts")).toHaveText("46 importados · 1 com falha · 0 restantes", {
        timeout: 20_000,
      });
      await expect(failed).toHaveCount(1);
      await page.getByRole("button", { name: "Tentar todas de novo" }).click();
      await expect(page.getByTestId("import-counts")).toHaveText("47 importados · 0 com falha · 0 restantes", {
        timeout: 20_000,
      });
      await expect(page.getByRole("progressbar", { name: "Progresso da importação" })).toHaveAttribute(
        "aria-valuenow",
        "100",
      );
      await expect(page.getByTestId("failed-row")).toHaveCount(0);
      await expect(page.getByText("Importação concluída.")).toBeVisible();
      await shot(page, "import-6-done");
      await page.setViewportSize({ width: 390, height: 844 });
      await shot(page, "import-7-done-mobile");
      await page.setViewportSize({ width: 1280, height: 720 });
    });

    await test.step("the vendor holds exactly the 47 operators, and the operators page lists them", async () => {
      const state = (await emulator.state()) as unknown as { operators: EmuOperator[] };
      const ours = state.operators.filter((o) => o.accountId === account!.id);
      expect(ours.map((o) => o.name).sort()).toEqual([...validNames].sort());
      const admin = ours.find((o) => o.name === "Operador 20");
      expect(admin?.isAdmin).toBe(true);
      expect(admin?.login).toBe("op20");
      expect(ours.find((o) => o.name === "Operador 03")?.departments).toHaveLength(2);

      await page.getByRole("link", { name: "Ver operadores" }).click();
      await expect(page.getByRole("heading", { name: "Operadores", level: 1 })).toBeVisible();
      await page.getByLabel("Por página").selectOption("100");
      await expect(page.getByTestId("operator-row")).toHaveCount(47);
      await expect(page.getByTestId("operator-row").filter({ hasText: "Operador 03" })).toContainText("Vendas");
    });
  });

  test("the template downloads with the columns of this chat backend, imports as is, and a running import is found from the bare address", async ({
    page,
    emulator,
  }) => {
    await page.goto("/sign-in");
    await onboardedOwnerViaApi(page);
    await trpcMutation(page, "departments.create", { name: "Atendimento" });
    await trpcMutation(page, "departments.create", { name: "Cobrança" });
    await page.goto("/team/import");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Baixar modelo CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("modelo-operadores.csv");
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString("utf8").split("\r\n");
    expect(lines[0]).toBe("nome;departamentos;admin;login");
    expect(lines.slice(1).filter(Boolean).length).toBe(2);
    // The examples use the organization's own departments, so the template imports as is.
    expect(lines.slice(1).join("\n")).toMatch(/Atendimento|Cobrança/);

    const res = await page.request.get("/api/import/template");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers()["content-disposition"]).toBe('attachment; filename="modelo-operadores.csv"');

    // The template, dropped on the page as is, previews with no error.
    const dataTransfer = await page.evaluateHandle((base64) => {
      const transfer = new DataTransfer();
      const content = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([content], "modelo-operadores.csv", { type: "text/csv" }));
      return transfer;
    }, bytes.toString("base64"));
    await page.getByTestId("csv-drop-zone").dispatchEvent("dragover", { dataTransfer });
    await expect(page.getByText("Solte o arquivo para conferir")).toBeVisible();
    await page.getByTestId("csv-drop-zone").dispatchEvent("drop", { dataTransfer });
    await expect(page.getByText("Arquivo: modelo-operadores.csv")).toBeVisible();
    await expect(page.getByTestId("preview-summary")).toHaveText("2 válidas · 0 com erro");
    await expect(page.getByText("Conferido no servidor")).toBeVisible();
    await expect(page.getByRole("button", { name: "Importar 2 operadores" })).toBeEnabled();

    // While it runs, the bare address shows the running import (no ?job= needed).
    await setVendorLatency(emulator, 2000); // under PLUGCHAT_TIMEOUT_MS (3 s) of the e2e portal
    try {
      await page.getByRole("button", { name: "Importar 2 operadores" }).click();
      await expect(page).toHaveURL(/\?job=/);
      await page.goto("/team/import");
      const bar = page.getByRole("progressbar", { name: "Progresso da importação" });
      await expect(bar).toBeVisible();
      await expect(page.getByText("Importando…")).toBeVisible();
      await expect(bar).toHaveAttribute("aria-valuenow", "100", { timeout: 30_000 });
      await expect(page.getByTestId("import-counts")).toHaveText("2 importados · 0 com falha · 0 restantes");
    } finally {
      await setVendorLatency(emulator, 0);
    }
  });

  test("a member sees no Importar link and cannot reach the page, the template or the procedures", async ({
    page,
    browser,
  }) => {
    await page.goto("/sign-in");
    await onboardedOwnerViaApi(page);
    const { page: guest, context } = await joinTeamViaApi(browser, page, "Carla Membro");
    try {
      await guest.goto("/team/operators");
      await expect(guest.getByRole("heading", { name: "Operadores", level: 1 })).toBeVisible();
      await expect(guest.getByRole("link", { name: "Importar" })).toHaveCount(0);
      const res = await guest.goto("/team/import");
      expect(res?.status()).toBe(403);
      await expect(guest.getByRole("heading", { name: "Sem acesso", level: 1 })).toBeVisible();
      await expect(guest.getByRole("heading", { name: "Importar operadores" })).toHaveCount(0);
      // From the page itself (the browser's fetch, with its cookies and Origin).
      const statusOf = (url: string, init?: { method: string; body: string }) =>
        guest.evaluate(
          async ([u, i]) =>
            (await fetch(u, i ? { ...i, headers: { "content-type": "application/json" } } : undefined)).status,
          [url, init] as const,
        );
      expect(await statusOf("/api/import/template")).toBe(403);
      expect(
        await statusOf("/api/trpc/imports.preview", {
          method: "POST",
          body: JSON.stringify({ json: { csv: "nome\nAna\n" } }),
        }),
      ).toBe(403);
    } finally {
      await context.close();
    }
    // Anonymous: no template either.
    const anonymous = await browser.newContext();
    try {
      expect((await anonymous.request.get(`${new URL(page.url()).origin}/api/import/template`)).status()).toBe(401);
    } finally {
      await anonymous.close();
    }
  });

  test("in English: the page, the preview's errors and the finished job speak English", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "English" }).click();
    await onboardedOwnerViaApi(page);
    await trpcMutation(page, "departments.create", { name: "Support" });
    await page.goto("/team/import");
    await expect(page.getByRole("heading", { name: "Import operators", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "Download CSV template" })).toBeVisible();
    const csv =
      "name,departments,admin\r\nAlice Walker,Support,yes\r\nBruno Costa,Marketing,no\r\nCarla Dias,,maybe\r\nDaniel Lee,,no\r\n";
    await page
      .getByLabel("CSV file")
      .setInputFiles({ name: "team.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    const row = (line: number) => page.locator(`[data-testid="preview-row"][data-line="${line}"]`);
    await expect(row(3)).toContainText('Department "Marketing" does not exist.');
    await expect(row(4)).toContainText('"maybe" is not valid: use yes or no.');
    await expect(page.getByText("Checked on the server")).toBeVisible();
    await expectAccessible(page);
    await shot(page, "import-en-preview");
    await page.getByRole("button", { name: "Import 2 operators" }).click();
    await expect(page.getByRole("progressbar", { name: "Import progress" })).toHaveAttribute("aria-valuenow", "100", {
      timeout: 45_000,
    });
    await expect(page.getByTestId("import-counts")).toHaveText("2 imported · 0 failed · 0 remaining");
    await expect(page.getByText("Import finished.")).toBeVisible();
    await shot(page, "import-en-done");
  });
});
