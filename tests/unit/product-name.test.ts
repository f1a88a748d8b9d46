/** The integrator's product name, when configured, is what the tabs, the sign-in page and the e-mails say. */
import { afterEach, describe, expect, it } from "vitest";
import { productName } from "@/server/config/product-name";
import { renderEmail } from "@/server/mail/templates";

describe("the product name", () => {
  const saved = process.env.PORTAL_PRODUCT_NAME;
  afterEach(() => {
    if (saved === undefined) delete process.env.PORTAL_PRODUCT_NAME;
    else process.env.PORTAL_PRODUCT_NAME = saved;
  });

  it("is PORTAL_PRODUCT_NAME when set (read per request: one build serves any brand)", async () => {
    process.env.PORTAL_PRODUCT_NAME = "  Atendimento Padaria Central ";
    expect(await productName()).toBe("Atendimento Padaria Central");
    process.env.PORTAL_PRODUCT_NAME = "Outra Marca";
    expect(await productName()).toBe("Outra Marca");
  });

  it("signs the e-mails, in the recipient's language; without it, the portal's own name", () => {
    process.env.PORTAL_PRODUCT_NAME = "Atendimento Padaria Central";
    const params = { name: "Ana", link: "https://portal.example/reset/x", minutes: 30 };
    const pt = renderEmail("pt-BR", "passwordReset", params);
    expect(pt.subject).toBe("Redefina sua senha em Atendimento Padaria Central");
    expect(pt.text).toContain("sua conta em Atendimento Padaria Central");
    expect(renderEmail("en", "passwordReset", params).subject).toBe("Reset your Atendimento Padaria Central password");
    delete process.env.PORTAL_PRODUCT_NAME;
    expect(renderEmail("pt-BR", "passwordReset", params).subject).toBe("Redefina sua senha em Portal PlugChat");
    expect(renderEmail("en", "passwordReset", params).subject).toBe("Reset your PlugChat Portal password");
  });
});
