/** The integrator's product name, when configured, is what the tabs and the sign-in page say. */
import { afterEach, describe, expect, it } from "vitest";
import { productName } from "@/server/config/product-name";

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
});
