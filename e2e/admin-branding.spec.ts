/**
 * Configuração da plataforma (issue 16): platform staff (PLATFORM_STAFF_EMAILS, two-step
 * verification on) change the product name, the primary colour, the logo and the price per seat;
 * a customer's portal shows them — header, tab title, colours, the plan step's price — and the
 * chat SDK's init receives appName, appLogo and appPrimaryColor (recorded by the emulator's
 * stand-in). The settings go back to their defaults at the end, so the specs after this one see
 * the portal as it was (the e2e run is one worker, one test at a time).
 */
import type { Browser, Page } from "@playwright/test";
import { generateSync } from "otplib";
import { atEveryWidth, onboardedOwnerViaApi } from "./fixtures/setup";
import { trpcMutation } from "./pages/team";
import { expect, portalOrigin, shot, signUpViaApi, test, uniqueUser, withoutToasts } from "./fixtures";

/** Listed in PLATFORM_STAFF_EMAILS by scripts/e2e-server.ts. */
const STAFF_EMAIL = "marca.staff@example.com.br";
const BRAND = { name: "Padaria Chat", color: "#5b21b6", rgb: "rgb(91, 33, 182)", price: "59,90" };
const LOGO_SVG = Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="120" height="40" rx="8" fill="#5b21b6"/><circle cx="20" cy="20" r="10" fill="#fff"/></svg>`,
);
const DEFAULTS = {
  productName: "",
  primaryColor: "",
  supportEmail: "",
  pricePerSeat: "",
  logo: { kind: "remove" },
  reason: "e2e: de volta ao padrão",
};

async function newPage(browser: Browser, width = 1280, height = 800): Promise<Page> {
  const context = await browser.newContext({
    baseURL: portalOrigin(),
    locale: "pt-BR",
    timezoneId: "America/Sao_Paulo",
    viewport: { width, height },
  });
  return context.newPage();
}

/** A customer through the wizard up to the plan step, with their own operator (so the chat opens as them). */
async function customerAtPlanStep(page: Page) {
  await page.goto("/sign-in");
  const owner = await onboardedOwnerViaApi(page, uniqueUser("marca-cliente"));
  await trpcMutation(page, "departments.refresh", undefined);
  const suporte = await trpcMutation<{ id: string }>(page, "departments.create", { name: "Suporte" });
  await trpcMutation(page, "onboarding.completeStep", { step: "departments" });
  await trpcMutation(page, "operators.create", {
    name: owner.name,
    isAdmin: true,
    departmentIds: [suporte.id],
    linkToMe: true,
  });
  await trpcMutation(page, "onboarding.completeStep", { step: "operators" });
  return owner;
}

test.describe("Configuração da plataforma", () => {
  test("staff change name, colour, logo and price; the customer's portal and the chat SDK show them", async ({
    browser,
    emulator,
  }) => {
    test.setTimeout(400_000);
    const staff = await newPage(browser);
    const customer = await newPage(browser);

    await test.step("staff: a listed address, two-step verification on", async () => {
      await staff.goto("/sign-in");
      await signUpViaApi(staff, { ...uniqueUser("marca"), name: "Ana Plataforma", email: STAFF_EMAIL });
      const { manualKey } = await trpcMutation<{ manualKey: string }>(staff, "twoFactor.beginEnrolment", undefined);
      await trpcMutation(staff, "twoFactor.confirmEnrolment", {
        code: generateSync({ secret: manualKey.replace(/\s/g, "") }),
      });
    });

    await test.step("customer: at the plan step, with the default price and brand", async () => {
      await customerAtPlanStep(customer);
      await customer.goto("/onboarding/plan");
      await expect(customer.getByTestId("plan-price")).toHaveText("Preço por operador: R$ 49,90 por mês");
      await expect(customer.getByTestId("product-name")).toHaveText("Portal PlugChat");
      await expect(customer).toHaveTitle(/ · Portal PlugChat$/);
    });

    try {
      await test.step("staff open Configuração da plataforma", async () => {
        await staff.goto("/admin/settings");
        await expect(staff.getByRole("heading", { level: 1, name: "Configuração da plataforma" })).toBeVisible();
        await expect(staff).toHaveTitle("Configuração da plataforma · Console da plataforma");
        await expect(staff.getByText("Nenhuma alteração ainda")).toBeVisible();
        await expect(staff.getByText("Em branco: R$ 49,90.", { exact: false })).toBeVisible();
        await atEveryWidth(staff, "admin-settings-empty");
      });

      await test.step("a colour white text cannot be read on is refused, in words", async () => {
        const color = staff.getByLabel("Cor principal", { exact: true });
        await color.fill("#facc15");
        await expect(staff.getByTestId("contrast-check")).toHaveText(
          /Texto branco sobre esta cor tem contraste 1,5:1, abaixo do mínimo de 4,5:1 \(WCAG AA\)/,
        );
        await staff.getByLabel("Motivo da mudança").fill("nova marca do integrador");
        await staff.getByRole("button", { name: "Salvar configuração" }).click();
        await expect(color).toHaveAttribute("aria-invalid", "true");
        await color.fill(BRAND.color);
        await expect(staff.getByTestId("contrast-check")).toHaveText(/contraste \d+,\d:1 — atende ao mínimo de 4,5:1/);
      });

      await test.step("a logo with a script is refused; a plain one is taken", async () => {
        const file = staff.getByLabel("Logo", { exact: true });
        await file.setInputFiles({
          name: "logo.svg",
          mimeType: "image/svg+xml",
          buffer: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`),
        });
        await expect(staff.getByText("Este SVG tem scripts, links externos ou conteúdo incorporado")).toBeVisible();
        await file.setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: LOGO_SVG });
        await expect(staff.getByRole("img", { name: "Novo logo: será usado quando você salvar." })).toBeVisible();
      });

      await test.step("name, price, support e-mail; saved and in the history", async () => {
        await staff.getByLabel("Nome do produto").fill(BRAND.name);
        await staff.getByLabel("Preço por assento (R$ por mês)").fill(BRAND.price);
        await staff.getByLabel("E-mail de suporte").fill("suporte@integradora.com.br");
        await atEveryWidth(staff, "admin-settings-filled");
        await staff.getByRole("button", { name: "Salvar configuração" }).click();
        await expect(staff.getByText("Configuração salva. O portal já mostra as mudanças.")).toBeVisible();
        const history = staff.getByTestId("settings-history");
        await expect(history).toContainText("Ana Plataforma alterou 5 campos");
        await expect(history).toContainText(`Nome do produto: (padrão) → ${BRAND.name}`);
        await expect(history).toContainText(`Cor principal: (padrão) → ${BRAND.color}`);
        await expect(history).toContainText("Preço por assento: (padrão) → R$ 59,90");
        await expect(history).toContainText("Logo: (padrão) → SVG de 1 kB");
        await expect(history).toContainText("Motivo: nova marca do integrador");
        // The console itself wears the new brand too.
        await expect(staff.getByTestId("brand-logo")).toBeVisible();
        await expect(staff).toHaveTitle(`Configuração da plataforma · Console da plataforma`);
        await withoutToasts(staff);
        await atEveryWidth(staff, "admin-settings-saved");
      });

      await test.step("customer: header, title, colours and plan price follow", async () => {
        await customer.goto("/onboarding/plan");
        await expect(customer.getByTestId("product-name")).toHaveText(BRAND.name);
        await expect(customer).toHaveTitle(/ · Padaria Chat$/);
        const logo = customer.locator("header").getByTestId("brand-logo");
        await expect(logo).toBeVisible();
        const src = (await logo.getAttribute("src"))!;
        expect(src).toMatch(/^\/api\/branding\/logo\?v=[0-9a-f]{16}$/);
        await expect(customer.getByTestId("plan-price")).toHaveText("Preço por operador: R$ 59,90 por mês");
        expect(
          await customer.evaluate(() =>
            getComputedStyle(document.documentElement).getPropertyValue("--brand-700").trim(),
          ),
        ).toBe(BRAND.color);
        await expect(customer.getByRole("button", { name: "Assinar agora" })).toHaveCSS("background-color", BRAND.rgb);
        await atEveryWidth(customer, "admin-branding-customer-plan");

        const first = await customer.request.get(src);
        expect(first.status()).toBe(200);
        expect(first.headers()["content-type"]).toBe("image/svg+xml");
        expect(first.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
        expect(first.headers()["content-security-policy"]).toContain("sandbox");
        expect(Buffer.from(await first.body()).equals(LOGO_SVG)).toBe(true);
        const again = await customer.request.get(src, { headers: { "if-none-match": first.headers().etag! } });
        expect(again.status()).toBe(304);
      });

      await test.step("the sign-in page shows the logo and the name", async () => {
        const guest = await newPage(browser, 360, 780);
        await guest.goto("/sign-in");
        await expect(guest.getByRole("banner")).toContainText(BRAND.name);
        await expect(guest.getByTestId("brand-logo")).toBeVisible();
        await expect(guest).toHaveTitle(`Entrar · ${BRAND.name}`);
        await shot(guest, "admin-branding-sign-in-360");
        await guest.context().close();
      });

      await test.step("the chat SDK is initialised with the brand", async () => {
        await trpcMutation(customer, "plan.continueTrial", undefined);
        await trpcMutation(customer, "onboarding.completeStep", { step: "whatsapp", skipped: true });
        const before = (await emulator.sdkInits()).length;
        await customer.goto("/chat");
        const sdk = customer.getByTestId("plugchat-sdk");
        await expect(sdk).toContainText("Logado como");
        await expect(sdk.getByTestId("plugchat-sdk-app-name")).toHaveText(BRAND.name);
        await expect(sdk.getByTestId("plugchat-sdk-logo")).toBeVisible();
        await expect.poll(async () => (await emulator.sdkInits()).length).toBeGreaterThan(before);
        const { options } = (await emulator.sdkInits()).at(-1)!;
        expect(options).toMatchObject({
          appName: BRAND.name,
          appPrimaryColor: BRAND.color,
          appLogo: expect.stringMatching(new RegExp(`^${portalOrigin()}/api/branding/logo\\?v=[0-9a-f]{16}$`)),
          appIcon: expect.stringMatching(/\/api\/branding\/logo\?v=/),
          theme: "light",
          enableFloatingButton: true,
          hasOperatorAccessToken: true,
        });
        await shot(customer, "admin-branding-chat");
      });
    } finally {
      // Back to the defaults (and no logo) for the specs that run after this one.
      await trpcMutation(staff, "console.settings.update", DEFAULTS);
    }

    await test.step("with the defaults back, the customer sees the portal's own brand", async () => {
      await customer.goto("/");
      await expect(customer.getByTestId("product-name")).toHaveText("Portal PlugChat");
      await expect(customer.locator("header").getByTestId("brand-logo")).toHaveCount(0);
    });
  });
});
