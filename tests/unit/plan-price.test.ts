/** PLAN_PRICE_PER_SEAT: parsed once into centavos (exact totals), refused with a reason when malformed. */
import { describe, expect, it } from "vitest";
import { monthlyTotalCents, parsePlanPrice, reais } from "@/lib/plan/price";

describe("the integrator's plan price", () => {
  it("takes reais with a dot or a comma, or whole reais", () => {
    expect(parsePlanPrice("49.90")).toBe(4990);
    expect(parsePlanPrice("49,90")).toBe(4990);
    expect(parsePlanPrice("49,9")).toBe(4990);
    expect(parsePlanPrice(" 120 ")).toBe(12000);
    expect(parsePlanPrice("0.05")).toBe(5);
  });

  it("refuses anything else, and zero", () => {
    for (const raw of ["", "R$ 49,90", "49.901", "-10", "1.234,56", "abc", "0", "0,00"]) {
      expect(() => parsePlanPrice(raw), raw).toThrow();
    }
  });

  it("totals in centavos, formatted as pt-BR currency", () => {
    expect(monthlyTotalCents(4990, 3)).toBe(14970);
    const brl = (cents: number) =>
      new Intl.NumberFormat("pt-BR", { style: "currency", currency: "BRL" }).format(reais(cents));
    expect(brl(4990).replace(/\s/g, " ")).toBe("R$ 49,90");
    expect(brl(monthlyTotalCents(4990, 21)).replace(/\s/g, " ")).toBe("R$ 1.047,90");
  });
});
