/**
 * Configuração da plataforma on PGlite and Postgres: the environment's values when nothing is
 * saved, console.settings.update (staff only) saving and auditing before → after with the reason,
 * the in-process copy (no query once warm, replaced on save), and where the values show: the plan
 * price, the product name in e-mails.
 */
import type { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { base64FromBytes } from "@/lib/branding/logo";
import type { TPlatformSettingsInput } from "@/lib/validation/platform-settings";
import { productNameIn } from "@/server/config/product-name";
import type { Db } from "@/server/db/client";
import { platformAuditLog } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { renderEmail } from "@/server/mail/templates";
import { getPlatformLogo, getPlatformSettings } from "@/server/platform/settings";
import { callerFor, createMember } from "../helpers/context";
import { createTestDb, testDbKinds } from "../helpers/db";
import { createStaff, staffCaller } from "../console/helpers";

const ENV_KEYS = ["PORTAL_PRODUCT_NAME", "PLAN_PRICE_PER_SEAT"] as const;
const savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));

const EMPTY_FORM: TPlatformSettingsInput = {
  productName: "",
  primaryColor: "",
  supportEmail: "",
  pricePerSeat: "",
  logo: { kind: "keep" },
  reason: "primeira configuração",
};
const LOGO_SVG = new TextEncoder().encode(
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#5b21b6"/></svg>`,
);

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
    return null;
  } catch (e) {
    const err = e as TRPCError;
    return { trpc: err.code, app: err.cause instanceof AppError ? err.cause.info.code : null };
  }
}

describe.each(testDbKinds())("platform settings (%s)", (kind) => {
  let db: Db;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const handle = await createTestDb(kind);
    db = handle.db;
    close = handle.close;
  });
  afterAll(async () => close());
  afterEach(() => {
    for (const k of ENV_KEYS) {
      if (savedEnv[k] === undefined) delete process.env[k];
      else process.env[k] = savedEnv[k];
    }
  });

  it("with nothing saved, the environment's values are the defaults", async () => {
    process.env.PORTAL_PRODUCT_NAME = "  Atende Fácil ";
    process.env.PLAN_PRICE_PER_SEAT = "39,90";
    const settings = await getPlatformSettings(db);
    expect(settings).toMatchObject({
      productName: "Atende Fácil",
      pricePerSeatCents: 3990,
      primaryColor: null,
      supportEmail: null,
      logo: null,
      defaults: { productName: "Atende Fácil", pricePerSeatCents: 3990 },
    });
    expect(await productNameIn("en", db)).toBe("Atende Fácil");
    delete process.env.PORTAL_PRODUCT_NAME;
    delete process.env.PLAN_PRICE_PER_SEAT;
    expect(await productNameIn("pt-BR", db)).toBe("Portal PlugChat");
    expect(await productNameIn("en", db)).toBe("PlugChat Portal");
    expect((await getPlatformSettings(db)).pricePerSeatCents).toBeNull();
  });

  it("only platform staff with two-factor read or change them", async () => {
    const owner = await createMember(db, { role: "owner" });
    const customer = callerFor({ db, member: owner });
    expect(await refusal(customer.console.settings.get())).toEqual({ trpc: "FORBIDDEN", app: "FORBIDDEN" });
    expect(await refusal(customer.console.settings.update(EMPTY_FORM))).toEqual({
      trpc: "FORBIDDEN",
      app: "FORBIDDEN",
    });
    const noTwoFactor = staffCaller(db, await createStaff(db, { twoFactor: false }));
    expect(await refusal(noTwoFactor.console.settings.update(EMPTY_FORM))).toEqual({
      trpc: "FORBIDDEN",
      app: "STAFF_TWO_FACTOR_REQUIRED",
    });
    expect(await refusal(callerFor({ db, member: null }).console.settings.get())).toMatchObject({
      trpc: "UNAUTHORIZED",
    });
  });

  it("staff save them; everything reads the saved values; the change is audited before → after with the reason", async () => {
    process.env.PORTAL_PRODUCT_NAME = "Atende Fácil";
    process.env.PLAN_PRICE_PER_SEAT = "39.90";
    const staff = await createStaff(db, { name: "Ana Plataforma" });
    const console_ = staffCaller(db, staff);
    const owner = await createMember(db, { role: "owner" });
    // Warm: the plan reads the environment's price.
    expect((await callerFor({ db, member: owner }).plan.pricing()).pricePerSeatCents).toBe(3990);

    const saved = await console_.console.settings.update({
      productName: "  Padaria Chat ",
      primaryColor: "#5B21B6",
      supportEmail: "Suporte@Integradora.com.br",
      pricePerSeat: "59,90",
      logo: { kind: "upload", data: base64FromBytes(LOGO_SVG) },
      reason: "  nova marca do integrador ",
    });
    expect(saved.changed.sort()).toEqual(["logo", "pricePerSeatCents", "primaryColor", "productName", "supportEmail"]);

    const settings = await getPlatformSettings(db);
    expect(settings).toMatchObject({
      productName: "Padaria Chat",
      primaryColor: "#5b21b6",
      supportEmail: "suporte@integradora.com.br",
      pricePerSeatCents: 5990,
      logo: { type: "image/svg+xml" },
    });
    expect(settings.logo!.path).toBe(`/api/branding/logo?v=${settings.logo!.sha256.slice(0, 16)}`);
    expect(Buffer.from((await getPlatformLogo(db))!.bytes).equals(Buffer.from(LOGO_SVG))).toBe(true);
    expect((await callerFor({ db, member: owner }).plan.pricing()).pricePerSeatCents).toBe(5990);
    const mail = await renderEmail(db, "pt-BR", "passwordReset", { name: "Ana", link: "https://x/r", minutes: 30 });
    expect(mail.subject).toBe("Redefina sua senha em Padaria Chat");

    const view = await console_.console.settings.get();
    expect(view.saved).toMatchObject({
      productName: "Padaria Chat",
      logo: { type: "image/svg+xml", bytes: LOGO_SVG.length },
    });
    expect(view.defaults).toEqual({ productName: "Atende Fácil", pricePerSeatCents: 3990 });
    expect(view.history[0]).toMatchObject({
      staffName: "Ana Plataforma",
      reason: "nova marca do integrador",
      changes: {
        productName: { from: null, to: "Padaria Chat" },
        primaryColor: { from: null, to: "#5b21b6" },
        supportEmail: { from: null, to: "suporte@integradora.com.br" },
        pricePerSeatCents: { from: null, to: 5990 },
        logo: { from: null, to: { type: "image/svg+xml", bytes: LOGO_SVG.length } },
      },
    });
    // The change log never holds the logo's bytes.
    expect(JSON.stringify(view.history)).not.toContain("svg xmlns");

    // Saving the same values writes nothing; emptying a field brings its default back.
    const entries = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(platformAuditLog))[0]!.n;
    const before = await entries();
    const same = {
      productName: "Padaria Chat",
      primaryColor: "#5b21b6",
      supportEmail: "suporte@integradora.com.br",
      pricePerSeat: "59.90",
      logo: { kind: "keep" as const },
      reason: "conferindo",
    };
    expect((await console_.console.settings.update(same)).changed).toEqual([]);
    expect(await entries()).toBe(before);
    await console_.console.settings.update({
      ...same,
      productName: "",
      pricePerSeat: "",
      logo: { kind: "remove" },
      reason: "voltar ao padrão",
    });
    expect(await getPlatformSettings(db)).toMatchObject({
      productName: "Atende Fácil",
      pricePerSeatCents: 3990,
      logo: null,
    });
    expect(await getPlatformLogo(db)).toBeNull();
    expect((await console_.console.settings.get()).history[0]).toMatchObject({
      reason: "voltar ao padrão",
      changes: {
        productName: { from: "Padaria Chat", to: null },
        pricePerSeatCents: { from: 5990, to: null },
        logo: { from: { type: "image/svg+xml" }, to: null },
      },
    });
  });

  it("once read, they come from the process's copy (no query) until a save replaces it", async () => {
    const staff = staffCaller(db, await createStaff(db));
    await staff.console.settings.update({ ...EMPTY_FORM, productName: "Marca A", reason: "teste do cache" });
    expect((await getPlatformSettings(db)).productName).toBe("Marca A");
    // Changed behind the portal's back: the copy still answers, proof that no query was made.
    await db.execute(sql`update platform_settings set product_name = 'Marca B'`);
    expect((await getPlatformSettings(db)).productName).toBe("Marca A");
    // A save through the console replaces the copy at once.
    await staff.console.settings.update({ ...EMPTY_FORM, productName: "Marca C", reason: "teste do cache" });
    expect((await getPlatformSettings(db)).productName).toBe("Marca C");
  });

  it("refuses what the schema refuses, on the field, before anything is saved", async () => {
    const staff = staffCaller(db, await createStaff(db));
    const fieldErrorsOf = async (input: Partial<TPlatformSettingsInput>) => {
      try {
        await staff.console.settings.update({ ...EMPTY_FORM, ...input });
        return null;
      } catch (e) {
        return (e as TRPCError & { cause?: { flatten?: unknown } }).code;
      }
    };
    expect(await fieldErrorsOf({ primaryColor: "#facc15" })).toBe("BAD_REQUEST");
    expect(await fieldErrorsOf({ pricePerSeat: "0" })).toBe("BAD_REQUEST");
    expect(await fieldErrorsOf({ supportEmail: "não é e-mail" })).toBe("BAD_REQUEST");
    expect(await fieldErrorsOf({ reason: "" })).toBe("BAD_REQUEST");
    const script = new TextEncoder().encode(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`);
    expect(await fieldErrorsOf({ logo: { kind: "upload", data: base64FromBytes(script) } })).toBe("BAD_REQUEST");
    expect((await getPlatformSettings(db)).logo).toBeNull();
  });
});
