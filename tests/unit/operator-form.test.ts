/**
 * The operator form's schemas (lib/validation/operator-form.ts) and the other form schemas
 * derived from procedure inputs: what they accept and refuse, with which message key, that
 * they reuse the procedures' field rules (not copies), and how form values become inputs.
 */
import { describe, expect, it } from "vitest";
import { messages } from "@/messages";
import {
  ZDepartmentRenameForm,
  ZDepartmentUpdateInput,
  ZEmailOperatorCreateInput,
  ZOperatorCreateFields,
  ZOperatorCreateInput,
  ZSubscribeForm,
  ZSubscribeInput,
} from "@/lib/validation/onboarding";
import {
  nameCreateInput,
  namePatch,
  ZEmailOperatorForm,
  ZNameOperatorForm,
  ZOperatorEmailForm,
  type TNameOperatorForm,
} from "@/lib/validation/operator-form";
import {
  ZLinkOperatorForm,
  ZLinkOperatorInput,
  ZOperatorOptionsInput,
  ZOperatorUpdateInput,
} from "@/lib/validation/team";

const DEPT = "0b9a6a0e-6f0e-4a57-9a53-2b3f1f8c1d11";
const OP = "7d3c2f1e-1a2b-4c3d-8e9f-0a1b2c3d4e5f";

const nameForm = (over: Partial<TNameOperatorForm> = {}): TNameOperatorForm => ({
  name: "João Lima",
  departmentIds: [DEPT],
  isAdmin: false,
  active: true,
  login: "",
  password: "",
  ...over,
});

/** The issues of a refused value as `path: message` (message = message-file key). */
function issues(result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) {
  return result.success ? [] : result.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

/** A message key ("validation.email", "onboarding.validation.login") exists in both languages. */
function hasMessage(key: string) {
  for (const locale of ["pt-BR", "en"] as const) {
    const value = key
      .split(".")
      .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], messages[locale]);
    expect(typeof value, `${locale} lacks ${key}`).toBe("string");
  }
}

describe("ZNameOperatorForm (PlugChat operators)", () => {
  it("accepts a name with departments, login and password optional, and trims", () => {
    const parsed = ZNameOperatorForm.parse(nameForm({ name: "  João Lima  " }));
    expect(parsed).toEqual(nameForm());
    expect(ZNameOperatorForm.parse(nameForm({ login: "joao.lima", password: "segredo-123" })).login).toBe("joao.lima");
  });

  it("refuses with the procedures' messages, each on its field", () => {
    const cases: Array<[Partial<TNameOperatorForm>, string]> = [
      [{ name: "J" }, "name: validation.nameTooShort"],
      [{ name: "João\u0000" }, "name: validation.invalidCharacters"],
      [{ login: "joão lima" }, "login: onboarding.validation.login"],
      [{ login: "joao", password: "curta" }, "password: onboarding.validation.operatorPassword"],
      [{ password: "segredo-123" }, "login: onboarding.validation.passwordNeedsLogin"],
      [{ departmentIds: ["not-a-uuid"] }, "departmentIds.0: validation.invalid"],
    ];
    for (const [over, expected] of cases) {
      const found = issues(ZNameOperatorForm.safeParse(nameForm(over)));
      expect(found, JSON.stringify(over)).toEqual([expected]);
      hasMessage(expected.split(": ")[1]!);
    }
  });

  it("refuses what is not one of its fields (linkToMe is the wizard's shortcut, not a form field)", () => {
    expect(ZNameOperatorForm.safeParse({ ...nameForm(), linkToMe: true }).success).toBe(false);
  });

  it("reuses operators.create's field rules rather than copies", () => {
    expect(ZNameOperatorForm.shape.name).toBe(ZOperatorCreateFields.shape.name);
    expect(ZNameOperatorForm.shape.departmentIds).toBe(ZOperatorCreateFields.shape.departmentIds);
    expect(ZNameOperatorForm.shape.login.def.innerType.def.innerType).toBe(
      ZOperatorCreateFields.shape.login.def.innerType,
    );
  });
});

describe("the name form's values as procedure inputs", () => {
  const all = { departments: true, operatorLogin: true };
  const none = { departments: false, operatorLogin: false };

  it("create: departments and login/password only where the backend has them; empty ones left out", () => {
    const full = nameCreateInput(ZNameOperatorForm.parse(nameForm({ login: "joao", password: "segredo-123" })), all);
    expect(full).toEqual({
      name: "João Lima",
      isAdmin: false,
      departmentIds: [DEPT],
      login: "joao",
      password: "segredo-123",
    });
    expect(ZOperatorCreateInput.parse(full)).toEqual(full);
    expect(nameCreateInput(nameForm({ login: "joao" }), none)).toEqual({
      name: "João Lima",
      isAdmin: false,
      departmentIds: [],
    });
    expect(nameCreateInput(nameForm(), all)).not.toHaveProperty("login");
  });

  it("edit: an empty login clears it, an empty password keeps the current one", () => {
    const patch = namePatch(nameForm({ isAdmin: true, active: false }), all);
    expect(patch).toEqual({ name: "João Lima", isAdmin: true, active: false, departmentIds: [DEPT], login: null });
    expect(ZOperatorUpdateInput.parse({ id: OP, version: 1, ...patch })).toMatchObject(patch);
    expect(namePatch(nameForm({ login: "joao", password: "segredo-123" }), all)).toMatchObject({
      login: "joao",
      password: "segredo-123",
    });
    expect(namePatch(nameForm({ login: "joao" }), none)).toEqual({ name: "João Lima", isAdmin: false, active: true });
  });
});

describe("ZEmailOperatorForm (CDP operators)", () => {
  const emailForm = {
    email: "Bia.Lima@Example.com ",
    firstName: "Bia",
    lastName: "Lima",
    roleCode: "SUPERVISOR",
    onlyAssignedConversations: true,
    active: true,
  };

  it("accepts the e-mail form and lower-cases the address", () => {
    expect(ZEmailOperatorForm.parse(emailForm).email).toBe("bia.lima@example.com");
  });

  it("refuses with message keys on their fields", () => {
    expect(issues(ZEmailOperatorForm.safeParse({ ...emailForm, email: "bia" }))).toEqual(["email: validation.email"]);
    expect(issues(ZEmailOperatorForm.safeParse({ ...emailForm, firstName: " " }))).toEqual([
      "firstName: validation.required",
    ]);
    expect(issues(ZEmailOperatorForm.safeParse({ ...emailForm, lastName: "x".repeat(101) }))).toEqual([
      "lastName: validation.tooLong?max=100",
    ]);
    expect(ZEmailOperatorForm.safeParse({ ...emailForm, linkToMe: true }).success).toBe(false);
    hasMessage("validation.email");
  });

  it("is operators.create's e-mail input without linkToMe; the wizard's e-mail change is its e-mail", () => {
    expect(Object.keys(ZEmailOperatorForm.shape).sort()).toEqual(
      Object.keys(ZEmailOperatorCreateInput.shape)
        .filter((k) => k !== "linkToMe")
        .sort(),
    );
    expect(ZEmailOperatorForm.shape.email).toBe(ZEmailOperatorCreateInput.shape.email);
    expect(ZOperatorEmailForm.shape.email).toBe(ZEmailOperatorCreateInput.shape.email);
    expect(issues(ZOperatorEmailForm.safeParse({ email: "" }))).toEqual(["email: validation.email"]);
  });
});

describe("other forms derived from their procedure's input", () => {
  it("department rename: departments.update's name, required", () => {
    expect(ZDepartmentRenameForm.parse({ name: " Entregas " })).toEqual({ name: "Entregas" });
    expect(issues(ZDepartmentRenameForm.safeParse({ name: "E" }))).toEqual(["name: validation.nameTooShort"]);
    expect(ZDepartmentRenameForm.safeParse({}).success).toBe(false);
    expect(ZDepartmentRenameForm.shape.name.def.innerType.def.innerType).toBe(
      ZDepartmentUpdateInput.shape.name.def.innerType,
    );
  });

  it("plan seats: plan.subscribe's bounds and messages (an empty number field is NaN)", () => {
    expect(ZSubscribeForm.parse({ seats: 3 })).toEqual({ seats: 3 });
    expect(issues(ZSubscribeForm.safeParse({ seats: 1 }))).toEqual(["seats: onboarding.validation.seatsMin"]);
    expect(issues(ZSubscribeForm.safeParse({ seats: 501 }))).toEqual(["seats: onboarding.validation.seatsMax"]);
    expect(issues(ZSubscribeForm.safeParse({ seats: Number.NaN }))).toEqual(["seats: validation.required"]);
    expect(ZSubscribeForm.shape.seats).toBe(ZSubscribeInput.shape.seats);
    hasMessage("onboarding.validation.seatsMin");
  });

  it("member link: members.linkOperator's operatorId and operators.options' search", () => {
    expect(ZLinkOperatorForm.parse({ search: " ana ", operatorId: null })).toEqual({ search: "ana", operatorId: null });
    expect(ZLinkOperatorForm.parse({ search: "", operatorId: OP }).operatorId).toBe(OP);
    expect(issues(ZLinkOperatorForm.safeParse({ search: "x".repeat(121), operatorId: null }))).toEqual([
      "search: validation.tooLong?max=120",
    ]);
    expect(ZLinkOperatorForm.shape.operatorId).toBe(ZLinkOperatorInput.shape.operatorId);
    expect(ZLinkOperatorForm.shape.search).toBe(ZOperatorOptionsInput.shape.search.def.innerType);
  });
});
