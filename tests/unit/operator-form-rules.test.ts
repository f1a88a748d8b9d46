/**
 * The operator form's own rules (issue 14 items 4, 6, 7), zod-free helpers the wizard step and
 * the team dialog share: which departments it offers, when it asks before saving an operator
 * with no department, how often a list with rows still settling is read again; and NAME_TAKEN's
 * sentence naming what is in the way.
 */
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { messages } from "@/messages";
import { departmentChoices } from "@/lib/operators/department-choices";
import { receivesNoChats } from "@/lib/operators/form-values";
import { PENDING_REFETCH_MS, refetchWhileSettling, UNCERTAIN_REFETCH_MS } from "@/lib/operators/settling";

const suporte = { id: "d1", name: "Suporte", active: true };
const entregas = { id: "d2", name: "Entregas", active: false };
const geral = { id: "d3", name: "Geral", active: true };

describe("departmentChoices", () => {
  it("offers a new operator only the active departments", () => {
    expect(departmentChoices([suporte, entregas, geral])).toEqual([
      { id: "d1", name: "Suporte", inactive: false },
      { id: "d3", name: "Geral", inactive: false },
    ]);
  });

  it("keeps an inactive department the edited operator already has, marked", () => {
    expect(departmentChoices([suporte, entregas, geral], ["d2"])).toEqual([
      { id: "d1", name: "Suporte", inactive: false },
      { id: "d2", name: "Entregas", inactive: true },
      { id: "d3", name: "Geral", inactive: false },
    ]);
  });
});

describe("receivesNoChats", () => {
  const caps = { departments: true };
  it("asks for an active operator with no department", () => {
    expect(receivesNoChats({ active: true, departmentIds: [] }, caps)).toBe(true);
  });
  it("does not ask with a department, for an inactive operator, or on a backend without departments", () => {
    expect(receivesNoChats({ active: true, departmentIds: ["d1"] }, caps)).toBe(false);
    expect(receivesNoChats({ active: false, departmentIds: [] }, caps)).toBe(false);
    expect(receivesNoChats({ active: true, departmentIds: [] }, { departments: false })).toBe(false);
  });
});

describe("refetchWhileSettling", () => {
  it("reads again soon while a row is pending, less often while one is uncertain, not at all when settled", () => {
    expect(refetchWhileSettling([{ state: "synced" }, { state: "pending" }, { state: "uncertain" }])).toBe(
      PENDING_REFETCH_MS,
    );
    expect(refetchWhileSettling([{ state: "synced" }, { state: "uncertain" }])).toBe(UNCERTAIN_REFETCH_MS);
    expect(refetchWhileSettling([{ state: "synced" }, { state: "failed" }])).toBe(false);
    expect(refetchWhileSettling([])).toBe(false);
    expect(refetchWhileSettling(undefined)).toBe(false);
    expect(PENDING_REFETCH_MS).toBeLessThan(UNCERTAIN_REFETCH_MS);
  });
});

describe("NAME_TAKEN's sentence", () => {
  const say = (locale: "pt-BR" | "en", params: Record<string, string>) =>
    createTranslator({ locale, messages: messages[locale], namespace: "errors" })("NAME_TAKEN", {
      kind: "other",
      name: "",
      ...params,
    });

  it("names the operator or department in the way, in both languages", () => {
    expect(say("pt-BR", { kind: "operator", name: "João Conceição" })).toBe(
      "Já existe um operador com o nome João Conceição. Escolha outro nome.",
    );
    expect(say("pt-BR", { kind: "department", name: "Suporte" })).toBe(
      "Já existe um departamento com o nome Suporte. Escolha outro nome.",
    );
    expect(say("en", { kind: "operator", name: "João Conceição" })).toBe(
      "An operator named João Conceição already exists. Choose another name.",
    );
  });

  it("without a kind (a stored import error) still says the name is taken, without the word item", () => {
    expect(say("pt-BR", {})).toBe("Este nome já está em uso. Escolha outro nome.");
    expect(say("pt-BR", {})).not.toMatch(/item/);
  });
});
