/**
 * Every page at 360×740, 390×844 and 1280×800: axe finds nothing serious or critical and the
 * document never scrolls sideways (scrollWidth equals the viewport's width). One signed-in owner
 * (onboarding finished) and one member are set up once; each width reuses their sessions.
 * Also the phone layout (issue 14 item 9), the words (item 10) and accessible names that start
 * with the visible text (item 14).
 */
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { onboardedOwnerViaApi } from "./fixtures/setup";
import { trpcMutation } from "./pages/team";
import { EmulatorControl, expect, expectAccessible, portalOrigin, shot, test, uniqueUser } from "./fixtures";

const WIDTHS = [
  { width: 360, height: 740 },
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const;
const A_TOKEN = "A".repeat(43);

/** The vendor's own API (the integrator token the e2e portal and its emulator share: scripts/e2e-server.ts). */
async function vendor<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${process.env.E2E_EMULATOR_URL}/integrator${path}`, {
    method,
    headers: { Authorization: "Bearer e2e-integrator-token", "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(res.ok, `${method} ${path} → ${res.status}`).toBe(true);
  return (await res.json()) as T;
}

type Session = Awaited<ReturnType<BrowserContext["storageState"]>>;
interface World {
  owner: Session;
  member: Session;
  companyName: string;
  /** An invitation nobody accepted: its page is one of the auth pages. */
  pendingInvite: string;
}
let world: World;

/** Owner with a finished onboarding (through the API), an operator, and a member who joined from a link. */
async function setUp(browser: Browser): Promise<World> {
  const context = await browser.newContext({ baseURL: portalOrigin(), locale: "pt-BR" });
  const page = await context.newPage();
  await page.goto("/sign-in");
  const owner = await onboardedOwnerViaApi(page, {
    ...uniqueUser("todas"),
    companyName: "Padaria e Confeitaria Pão Quente da Vila Mariana",
  });
  await trpcMutation(page, "departments.refresh", undefined);
  const suporte = await trpcMutation<{ id: string }>(page, "departments.create", { name: "Suporte" });
  await trpcMutation(page, "onboarding.completeStep", { step: "departments" });
  await trpcMutation(page, "operators.create", {
    name: "Maria Aparecida dos Santos Oliveira",
    isAdmin: false,
    departmentIds: [suporte.id],
  });
  await trpcMutation(page, "onboarding.completeStep", { step: "operators" });
  await trpcMutation(page, "plan.continueTrial", undefined);
  await trpcMutation(page, "onboarding.completeStep", { step: "whatsapp", skipped: true });

  // Behind the portal's back, the operator is renamed at the vendor: Sincronizar shows a difference to fix.
  const [account] = await new EmulatorControl(process.env.E2E_EMULATOR_URL!).accountsFor(owner.organizationId);
  const operators = await vendor<Array<{ id: string; name: string; departments: string[] }>>(
    "GET",
    `/account/${account!.id}/operators`,
  );
  const maria = operators.find((o) => o.name === "Maria Aparecida dos Santos Oliveira")!;
  await vendor("PUT", `/account/${account!.id}/operators`, {
    id: maria.id,
    name: "Maria Aparecida Oliveira",
    active: true,
    departments: maria.departments,
  });

  const invitee = uniqueUser("membro");
  const { path } = await trpcMutation<{ path: string }>(page, "invitations.create", {
    email: invitee.email,
    role: "member",
  });
  const pending = await trpcMutation<{ path: string }>(page, "invitations.create", {
    email: uniqueUser("pendente").email,
    role: "admin",
  });
  const guestContext = await browser.newContext({ baseURL: portalOrigin(), locale: "pt-BR" });
  const guest = await guestContext.newPage();
  await guest.goto(path.startsWith("http") ? path : `${portalOrigin()}${path}`);
  await guest.getByLabel("Seu nome").fill("Joana Ribeiro");
  await guest.getByLabel("Crie uma senha").fill(invitee.password);
  await guest.getByRole("button", { name: "Entrar na equipe" }).click();
  await expect(guest.getByTestId("org-name")).toHaveText(owner.companyName);
  const result = {
    owner: await context.storageState(),
    member: await guestContext.storageState(),
    companyName: owner.companyName,
    pendingInvite: new URL(pending.path, portalOrigin()).pathname,
  };
  await guestContext.close();
  await context.close();
  return result;
}

/** Opens `path` and waits for the page's heading (the chat page has none of its own: the SDK's frame). */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator("h1").first()).toBeVisible();
  await page.waitForLoadState("load");
  // Scan the settled page, not a list or a button between two states.
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

/** axe and the sideways-scroll check on the page as it is. */
async function check(page: Page, label: string): Promise<void> {
  await test.step(label, async () => {
    const viewport = page.viewportSize()!.width;
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect.soft(scrollWidth, `${label}: document scroll width at ${viewport} px`).toBe(viewport);
    await expectAccessible(page).catch((error: Error) => expect.soft(error.message, label).toBe(""));
    await shot(page, `every-${label.replace(/[^a-z0-9]+/gi, "-")}-${viewport}`);
  });
}

async function visitAll(page: Page, paths: readonly string[], who: string): Promise<void> {
  for (const path of paths) {
    await open(page, path);
    await check(page, `${who} ${path}`);
  }
}

/**
 * The text a sighted person reads on a control: not what is aria-hidden (an avatar's initials, a logo
 * letter) nor what is visually hidden (sr-only: clipped to a pixel) or not displayed.
 */
function visibleTextOf(control: Element): string {
  const hidden = (el: Element | null): boolean => {
    for (let at = el; at && at !== control.parentElement; at = at.parentElement) {
      if (at.getAttribute("aria-hidden") === "true") return true;
      const style = getComputedStyle(at);
      if (style.display === "none" || style.visibility === "hidden") return true;
      const box = at.getBoundingClientRect();
      if (style.position === "absolute" && box.width <= 1 && box.height <= 1) return true;
    }
    return false;
  };
  const walker = document.createTreeWalker(control, NodeFilter.SHOW_TEXT);
  let text = "";
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!hidden(node.parentElement)) text += node.textContent ?? "";
  }
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Every visible button and link inside `scope` whose accessible name does not start with its visible text
 * (WCAG 2.5.3, so voice control can say what it sees). Icon-only controls have no visible text to match.
 */
async function namesNotStartingWithText(page: Page): Promise<string[]> {
  const controls = page.locator("main, header").locator("button:visible, a:visible, [role=button]:visible");
  const wrong: string[] = [];
  for (const control of await controls.all()) {
    const text = await control.evaluate(visibleTextOf);
    if (!text) continue;
    const name = await control.evaluate((el) => el.getAttribute("aria-label") ?? "");
    try {
      await expect(control).toHaveAccessibleName(new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "i"), {
        timeout: 100,
      });
    } catch {
      wrong.push(`"${text}" is named "${name || "(from content)"}"`);
    }
  }
  return wrong;
}

const OWNER_PAGES = [
  "/",
  "/chat",
  "/onboarding/company",
  "/onboarding/departments",
  "/onboarding/operators",
  "/onboarding/plan",
  "/onboarding/whatsapp",
  "/onboarding/done",
  "/team/operators",
  "/team/departments",
  "/team/members",
  "/team/import",
  "/team/sync",
  "/team/audit",
  "/attendances",
  "/reports",
  "/automatic-reply",
  "/plan",
  "/account",
  "/esta-pagina-nao-existe",
] as const;
const MEMBER_PAGES = [
  "/",
  "/team/operators",
  "/team/departments",
  "/team/members",
  "/attendances",
  "/reports",
  "/automatic-reply",
  "/plan",
  "/account",
] as const;

test.describe("every page at phone and desktop widths", () => {
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    world = await setUp(browser);
  });

  for (const viewport of WIDTHS) {
    test(`${viewport.width} px: axe and no sideways scroll on every page`, async ({ browser }) => {
      test.setTimeout(300_000);
      // Reduced motion: a button's colour transition (150 ms) is not caught half-way by the contrast check.
      const options = { baseURL: portalOrigin(), locale: "pt-BR", viewport, reducedMotion: "reduce" } as const;

      await test.step("signed out: the auth pages and 404", async () => {
        const context = await browser.newContext(options);
        const page = await context.newPage();
        await visitAll(
          page,
          [
            "/sign-in",
            "/sign-up",
            "/forgot-password",
            `/reset-password/${A_TOKEN}`,
            `/verify-email/${A_TOKEN}`,
            `/invite/${A_TOKEN}`,
            world.pendingInvite,
            "/esta-pagina-nao-existe",
          ],
          "anon",
        );
        await context.close();
      });

      await test.step("the owner: dashboard, chat, each onboarding step, every team page, account", async () => {
        const context = await browser.newContext({ ...options, storageState: world.owner });
        const page = await context.newPage();
        await visitAll(page, OWNER_PAGES, "owner");
        await context.close();
      });

      await test.step("a member: the pages a member reads, and Sem acesso (403)", async () => {
        const context = await browser.newContext({ ...options, storageState: world.member });
        const page = await context.newPage();
        await visitAll(page, MEMBER_PAGES, "member");
        await open(page, "/team/audit");
        await expect(page.getByTestId("team-forbidden")).toBeVisible();
        await check(page, "member 403 /team/audit");
        await context.close();
      });
    });
  }

  test("item 14: on the team pages, each control's accessible name starts with its visible text", async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    for (const viewport of [WIDTHS[0], WIDTHS[2]]) {
      const context = await browser.newContext({
        baseURL: portalOrigin(),
        locale: "pt-BR",
        viewport,
        storageState: world.owner,
      });
      const page = await context.newPage();
      for (const path of ["/", "/team/operators", "/team/departments", "/team/members", "/team/sync", "/team/audit"]) {
        await open(page, path);
        expect.soft(await namesNotStartingWithText(page), `${path} at ${viewport.width} px`).toEqual([]);
      }
      // The language buttons' short codes are what a phone shows, so their names start with them
      // (aria-hidden text is left out above, so these are asserted by name).
      const languages = page.getByRole("form", { name: "Idioma" });
      const [pt, en] = viewport.width < 640 ? ["PT", "EN"] : ["Português", "English"];
      await expect(languages.getByRole("button", { name: new RegExp(`^${pt}`) })).toBeVisible();
      await expect(languages.getByRole("button", { name: new RegExp(`^${en}`) })).toBeVisible();
      await context.close();
    }
  });

  test("item 9: on phones the company name is whole and Operadores' filters fold behind Filtros", async ({
    browser,
  }) => {
    for (const viewport of [WIDTHS[0], WIDTHS[1]]) {
      const context = await browser.newContext({
        baseURL: portalOrigin(),
        locale: "pt-BR",
        viewport,
        storageState: world.owner,
      });
      const page = await context.newPage();
      await test.step(`${viewport.width} px: the header shows the whole company name`, async () => {
        await open(page, "/");
        const name = page.getByTestId("org-name");
        await expect(name).toHaveText(world.companyName);
        const cut = await name.evaluate(
          (el) => el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight + 1,
        );
        expect(cut, "the company name is cut short").toBe(false);
      });
      await test.step(`${viewport.width} px: Operadores opens on the list; the filters fold behind "Filtros"`, async () => {
        await open(page, "/team/operators");
        const toggle = page.getByRole("button", { name: /^Filtros/ });
        await expect(toggle).toBeVisible();
        await expect(toggle).toHaveAttribute("aria-expanded", "false");
        await expect(page.getByRole("searchbox")).toBeHidden();
        await toggle.click();
        await expect(toggle).toHaveAttribute("aria-expanded", "true");
        await expect(page.getByRole("searchbox")).toBeVisible();
        await page.getByRole("searchbox").fill("Maria");
        await page.getByLabel("Situação").selectOption({ label: "Ativos" });
        await expect(toggle).toHaveAccessibleName(/^Filtros\s*2 em uso$/);
        await shot(page, `every-operators-filters-open-${viewport.width}`);
      });
      await context.close();
    }
  });

  test("item 10: counts, times, neutral phrasing, one verb, limits, in Portuguese and in English", async ({
    browser,
  }) => {
    const context = await browser.newContext({
      baseURL: portalOrigin(),
      locale: "pt-BR",
      viewport: WIDTHS[1],
      storageState: world.owner,
    });
    const page = await context.newPage();
    await test.step("dashboard: zero is 'nenhum', a check just made is 'agora', plain names", async () => {
      await open(page, "/");
      await expect(page.getByTestId("summary-operators")).toContainText("1 ativo · nenhum inativo");
      const reconcile = page.getByTestId("reconcile-status");
      await expect(reconcile.getByRole("heading", { name: "Conferência com o chat" })).toBeVisible();
      await reconcile.getByRole("button", { name: "Verificar agora" }).click();
      await expect(reconcile).toContainText(/Última verificação (agora|há \d+ segundos?)/);
      await expect(reconcile).not.toContainText(/em \d+ segundo/);
      await shot(page, "every-words-dashboard-390");
    });

    await test.step("Operadores: deactivating names what happened, not who (no gender guessed); Reativar", async () => {
      await open(page, "/team/operators");
      const row = page.getByTestId("operator-row").filter({ hasText: "Maria Aparecida dos Santos Oliveira" });
      await row.getByRole("button", { name: "Desativar" }).click();
      await expect(
        page.getByText("Desativamos o acesso de Maria Aparecida dos Santos Oliveira ao chat."),
      ).toBeVisible();
      await row.getByRole("button", { name: "Reativar" }).click();
      await expect(page.getByText("Maria Aparecida dos Santos Oliveira voltou a ter acesso ao chat.")).toBeVisible();
    });

    await test.step("the wizard's departments step says Reativar too", async () => {
      await open(page, "/onboarding/departments");
      await page.getByRole("button", { name: "Desativar Suporte" }).click();
      await expect(page.getByRole("button", { name: "Reativar Suporte" })).toBeVisible();
      await page.getByRole("button", { name: "Reativar Suporte" }).click();
      await expect(page.getByRole("button", { name: "Desativar Suporte" })).toBeVisible();
    });

    await test.step("Departamentos: a name over the limit says the limit", async () => {
      await open(page, "/team/departments");
      await page.getByRole("button", { name: "Novo departamento" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("Nome do novo departamento").fill("D".repeat(61));
      await dialog.getByRole("button", { name: "Criar departamento" }).click();
      await expect(dialog.getByText("Use no máximo 60 caracteres.")).toBeVisible();
      await shot(page, "every-words-too-long-390");
    });

    await test.step("the invitation speaks to nobody in particular; the operator's admin is the chat's", async () => {
      await open(page, world.pendingInvite);
      await expect(
        page.getByText(`Convite para participar da equipe de ${world.companyName} como administrador.`),
      ).toBeVisible();
    });

    await test.step("in English, after the language switch", async () => {
      await open(page, "/");
      await page.getByRole("button", { name: "English" }).click();
      await expect(page.getByRole("heading", { name: "Check with the chat" })).toBeVisible();
      await expect(page.getByTestId("summary-operators")).toContainText("1 active · 0 inactive");
      await open(page, "/team/operators");
      await expect(page.getByRole("button", { name: /^Filters/ })).toBeVisible();
      await expect(
        page.getByRole("button", { name: "Edit Maria Aparecida dos Santos Oliveira", exact: true }),
      ).toBeVisible();
      await open(page, "/team/departments");
      await expect(page.getByRole("button", { name: "Rename Suporte", exact: true })).toBeVisible();
      await page.getByRole("button", { name: "New department" }).click();
      await page.getByRole("dialog").getByLabel("New department name").fill("D".repeat(61));
      await page.getByRole("dialog").getByRole("button", { name: "Create department" }).click();
      await expect(page.getByRole("dialog").getByText("Use at most 60 characters.")).toBeVisible();
      await shot(page, "every-words-english-390");
    });
    await context.close();
  });
});
