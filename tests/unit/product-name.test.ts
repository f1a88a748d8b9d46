/**
 * The product name the tabs, headers and e-mails say: saved in Configuração da plataforma, else
 * PORTAL_PRODUCT_NAME, else the portal's own name in the reader's language.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDb, type DbHandle } from "@/server/db/client";
import { renderEmail } from "@/server/mail/templates";
import { savePlatformSettings } from "@/server/platform/settings";
import { createStaff, saveProductName } from "../console/helpers";

describe("the product name", () => {
  const saved = process.env.PORTAL_PRODUCT_NAME;
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openDb({ kind: "pglite" });
  });
  afterAll(async () => handle.close());
  afterEach(() => {
    if (saved === undefined) delete process.env.PORTAL_PRODUCT_NAME;
    else process.env.PORTAL_PRODUCT_NAME = saved;
  });

  const params = { name: "Ana", link: "https://portal.example/reset/x", minutes: 30 };

  it("signs the e-mails with PORTAL_PRODUCT_NAME (read per call), in the recipient's language; without it, the portal's own name", async () => {
    const { db } = handle;
    process.env.PORTAL_PRODUCT_NAME = "Atendimento Padaria Central";
    const pt = await renderEmail(db, "pt-BR", "passwordReset", params);
    expect(pt.subject).toBe("Redefina sua senha em Atendimento Padaria Central");
    expect(pt.text).toContain("sua conta em Atendimento Padaria Central");
    expect((await renderEmail(db, "en", "passwordReset", params)).subject).toBe(
      "Reset your Atendimento Padaria Central password",
    );
    delete process.env.PORTAL_PRODUCT_NAME;
    expect((await renderEmail(db, "pt-BR", "passwordReset", params)).subject).toBe(
      "Redefina sua senha em Portal PlugChat",
    );
    expect((await renderEmail(db, "en", "passwordReset", params)).subject).toBe("Reset your PlugChat Portal password");
  });

  it("a name saved in the console wins over PORTAL_PRODUCT_NAME", async () => {
    const { db } = handle;
    process.env.PORTAL_PRODUCT_NAME = "Atendimento Padaria Central";
    const staff = await createStaff(db);
    await saveProductName(savePlatformSettings, db, staff, "Outra Marca");
    expect((await renderEmail(db, "en", "passwordReset", params)).subject).toBe("Reset your Outra Marca password");
  });
});
