/**
 * The plan's price, set by the integrator (PLAN_PRICE_PER_SEAT, in reais per seat per month):
 * parsed once into whole centavos, so totals are exact. Zod-free: the plan step imports it.
 */

const PRICE = /^(\d{1,6})(?:[.,](\d{1,2}))?$/;

/** "49.90", "49,90" or "49" → 4990 centavos; anything else (or zero) is refused with the reason. */
export function parsePlanPrice(raw: string): number {
  const match = PRICE.exec(raw.trim());
  if (!match) throw new Error('must be an amount in reais per seat, e.g. "49.90"');
  const cents = Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
  if (cents <= 0) throw new Error("must be more than zero");
  return cents;
}

/** The monthly total for `seats` seats, in centavos. */
export function monthlyTotalCents(pricePerSeatCents: number, seats: number): number {
  return pricePerSeatCents * seats;
}

/** Centavos as the number Intl's currency format takes (BRL). */
export const reais = (cents: number): number => cents / 100;

export const PLAN_CURRENCY = "BRL";
