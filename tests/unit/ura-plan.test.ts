/**
 * The URA's and the plan's pure parts: `{senderName}` filled in for the preview, the departments
 * offered (active, without Geral when left out), the form schemas and their messages (limits said),
 * seats × price, and the trial's end.
 */
import { describe, expect, it } from "vitest";
import { CANCEL_REASONS } from "@/lib/plan/cancel";
import { monthlyTotalCents } from "@/lib/plan/price";
import { DEFAULT_URA, departmentMenu, fillSenderName, offeredDepartments, unknownVariables } from "@/lib/ura/messages";
import { ZCancelSubscriptionInput, ZSubscribeInput } from "@/lib/validation/plan";
import { ZUraInput } from "@/lib/validation/ura";
import { trialEndsAt } from "@/server/provisioning/subscription";

const messagesOf = (result: {
  success: boolean;
  error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
}) => (result.success ? [] : result.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`));

describe("URA preview", () => {
  it("fills every {senderName} with Maria (or the name given) and leaves the rest as typed", () => {
    expect(fillSenderName("Olá, {senderName}! {senderName}, tudo bem?")).toBe("Olá, Maria! Maria, tudo bem?");
    expect(fillSenderName("Oi {senderName}", "João")).toBe("Oi João");
    expect(fillSenderName("Sem variável")).toBe("Sem variável");
    expect(fillSenderName(DEFAULT_URA.welcomeMessage)).toMatch(/^Olá, Maria! /);
  });

  it("numbers the departments under the department message", () => {
    expect(departmentMenu("Escolha, {senderName}:", ["Geral", "Suporte"])).toBe(
      "Escolha, Maria:\n1. Geral\n2. Suporte",
    );
    expect(departmentMenu("Escolha:", [])).toBe("Escolha:");
  });

  it("offers the active departments, and leaves Geral out only when asked", () => {
    const deps = [
      { name: "Geral", isDefault: true, active: true },
      { name: "Suporte", isDefault: false, active: true },
      { name: "Entregas", isDefault: false, active: false },
    ];
    expect(offeredDepartments(deps, false).map((d) => d.name)).toEqual(["Geral", "Suporte"]);
    expect(offeredDepartments(deps, true).map((d) => d.name)).toEqual(["Suporte"]);
  });

  it("finds variables other than {senderName}", () => {
    expect(unknownVariables("Oi {senderName}")).toEqual([]);
    expect(unknownVariables("Oi {nome} e {Sendername} e {nome}")).toEqual(["{nome}", "{Sendername}"]);
    expect(unknownVariables("Chaves soltas { ou } ficam")).toEqual(["{ ou }"]);
  });
});

describe("URA form schema", () => {
  const valid = { ...DEFAULT_URA, active: true };

  it("takes every field the vendor's call takes, the starting text included", () => {
    expect(ZUraInput.safeParse(valid).success).toBe(true);
    expect(messagesOf(ZUraInput.safeParse({ ...valid, extra: 1 }))).toHaveLength(1);
    expect(messagesOf(ZUraInput.safeParse({ ...valid, ignoreGroups: undefined }))).toHaveLength(1);
  });

  it("says the limit, refuses blank text and other variables; line breaks are fine", () => {
    expect(ZUraInput.safeParse({ ...valid, welcomeMessage: "Oi!\nTudo bem?\r\n\tAté já." }).success).toBe(true);
    expect(ZUraInput.safeParse({ ...valid, welcomeMessage: "x".repeat(1000) }).success).toBe(true);
    expect(messagesOf(ZUraInput.safeParse({ ...valid, welcomeMessage: "x".repeat(1001) }))).toEqual([
      "welcomeMessage: validation.tooLong?max=1000",
    ]);
    expect(messagesOf(ZUraInput.safeParse({ ...valid, departmentMessage: " \n " }))).toEqual([
      "departmentMessage: validation.required",
    ]);
    expect(messagesOf(ZUraInput.safeParse({ ...valid, departmentMessage: "Oi {cliente}" }))).toEqual([
      "departmentMessage: ura.validation.unknownVariable",
    ]);
    expect(messagesOf(ZUraInput.safeParse({ ...valid, welcomeMessage: "Oi\u0000" }))).toEqual([
      "welcomeMessage: validation.invalidCharacters",
    ]);
  });
});

describe("plan forms", () => {
  it("seats: at least 2 and at most 500, with the price shown (or null when agreed)", () => {
    expect(ZSubscribeInput.safeParse({ seats: 2, pricePerSeatCents: 4990 }).success).toBe(true);
    expect(ZSubscribeInput.safeParse({ seats: 500, pricePerSeatCents: null }).success).toBe(true);
    expect(messagesOf(ZSubscribeInput.safeParse({ seats: 1, pricePerSeatCents: null }))).toEqual([
      "seats: onboarding.validation.seatsMin",
    ]);
    expect(messagesOf(ZSubscribeInput.safeParse({ seats: 501, pricePerSeatCents: null }))).toEqual([
      "seats: onboarding.validation.seatsMax",
    ]);
    expect(messagesOf(ZSubscribeInput.safeParse({ seats: 2.5, pricePerSeatCents: null }))).toEqual([
      "seats: validation.invalid",
    ]);
    // The price the person saw must be sent: the server compares it with the configured one.
    expect(ZSubscribeInput.safeParse({ seats: 2 }).success).toBe(false);
  });

  it("cancel: a reason from the list is required; the note is optional, trimmed, at most 500", () => {
    for (const reason of CANCEL_REASONS) expect(ZCancelSubscriptionInput.safeParse({ reason }).success).toBe(true);
    expect(messagesOf(ZCancelSubscriptionInput.safeParse({ reason: "" }))).toEqual(["reason: plan.validation.reason"]);
    expect(messagesOf(ZCancelSubscriptionInput.safeParse({ reason: "because" }))).toEqual([
      "reason: plan.validation.reason",
    ]);
    expect(ZCancelSubscriptionInput.parse({ reason: "other", note: "  Vamos fechar.\n" })).toEqual({
      reason: "other",
      note: "Vamos fechar.",
    });
    expect(messagesOf(ZCancelSubscriptionInput.safeParse({ reason: "other", note: "x".repeat(501) }))).toEqual([
      "note: validation.tooLong?max=500",
    ]);
  });

  it("seats × price per seat = the monthly total, in exact centavos", () => {
    expect(monthlyTotalCents(4990, 3)).toBe(14_970);
    expect(monthlyTotalCents(1999, 7)).toBe(13_993);
  });

  it("the trial ends 7 days after the account was created", () => {
    const created = new Date("2026-12-01T10:00:00Z");
    expect(trialEndsAt(created).toISOString()).toBe("2026-12-08T10:00:00.000Z");
  });
});
