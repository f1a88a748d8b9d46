/** CDP role codes as configuration: parsing CDP_ROLE_CODES, the shared schemas, admin/default codes, labels. */
import { describe, expect, it } from "vitest";
import { ZEmailOperatorCreateInput } from "@/lib/validation/onboarding";
import {
  DEFAULT_ROLE_CODES,
  ZRoleCode,
  adminRoleOf,
  defaultRoleOf,
  parseRoleCodes,
  roleFor,
  roleLabel,
} from "@/lib/validation/role-codes";
import { ZOperatorsPageInput } from "@/lib/validation/team";
import { ZCdpRoleCode, ZLiveChatOperatorBindingGatewayRequestDTO } from "@/server/providers/cdp/contract";

describe("parseRoleCodes (CDP_ROLE_CODES)", () => {
  it("unset or blank → ADMIN, SUPERVISOR, AGENT", () => {
    expect(DEFAULT_ROLE_CODES).toEqual(["ADMIN", "SUPERVISOR", "AGENT"]);
    expect(parseRoleCodes(undefined)).toEqual(["ADMIN", "SUPERVISOR", "AGENT"]);
    expect(parseRoleCodes("  ")).toEqual(["ADMIN", "SUPERVISOR", "AGENT"]);
  });

  it("a comma-separated list, each code trimmed, order kept", () => {
    expect(parseRoleCodes("OWNER,AGENT")).toEqual(["OWNER", "AGENT"]);
    expect(parseRoleCodes(" owner , Live Agent ,x ")).toEqual(["owner", "Live Agent", "x"]);
    expect(parseRoleCodes("SOLO")).toEqual(["SOLO"]);
  });

  it("refuses an empty entry, a repeated code or an over-long one, naming the variable", () => {
    expect(() => parseRoleCodes("OWNER,,AGENT")).toThrow('CDP_ROLE_CODES: "" is not a role code');
    expect(() => parseRoleCodes("OWNER,")).toThrow(/CDP_ROLE_CODES: "" is not a role code/);
    expect(() => parseRoleCodes("AGENT, AGENT")).toThrow('CDP_ROLE_CODES: "AGENT" is listed twice');
    expect(() => parseRoleCodes("A".repeat(65))).toThrow(/is not a role code/);
    expect(() => parseRoleCodes(",", "CDP_EMULATOR_ROLE_CODES")).toThrow(/^CDP_EMULATOR_ROLE_CODES: /);
  });
});

describe("admin and default codes", () => {
  it("the first code is the administrator's, the last a new operator's default", () => {
    expect(adminRoleOf(DEFAULT_ROLE_CODES)).toBe("ADMIN");
    expect(defaultRoleOf(DEFAULT_ROLE_CODES)).toBe("AGENT");
    expect(roleFor(true, ["OWNER", "AGENT"])).toBe("OWNER");
    expect(roleFor(false, ["OWNER", "AGENT"])).toBe("AGENT");
    expect(roleFor(true, ["SOLO"])).toBe("SOLO");
    expect(roleFor(false, ["SOLO"])).toBe("SOLO");
  });
});

describe("labels", () => {
  const t = (key: string) => `label:${key}`;
  it("known codes get the translated label, unknown codes show the code itself", () => {
    expect(roleLabel("ADMIN", t)).toBe("label:roles.ADMIN");
    expect(roleLabel("SUPERVISOR", t)).toBe("label:roles.SUPERVISOR");
    expect(roleLabel("AGENT", t)).toBe("label:roles.AGENT");
    expect(roleLabel("OWNER", t)).toBe("OWNER");
    expect(roleLabel("admin", t)).toBe("admin");
  });
});

describe("schemas", () => {
  it("the form's role is any code (the procedure checks the configured list), never blank", () => {
    const base = {
      email: "ana@example.com",
      firstName: "Ana",
      lastName: "Souza",
      onlyAssignedConversations: false,
      active: true,
    };
    expect(ZEmailOperatorCreateInput.safeParse({ ...base, roleCode: "OWNER" }).success).toBe(true);
    for (const bad of ["", " ", " OWNER", "A,B"]) {
      const r = ZEmailOperatorCreateInput.safeParse({ ...base, roleCode: bad });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]).toMatchObject({ path: ["roleCode"], message: "validation.required" });
    }
    expect(ZRoleCode.safeParse("Live Agent").success).toBe(true);
  });

  it("the operators table filters by any code or all", () => {
    expect(ZOperatorsPageInput.parse({}).role).toBe("all");
    expect(ZOperatorsPageInput.parse({ role: "OWNER" }).role).toBe("OWNER");
    expect(ZOperatorsPageInput.safeParse({ role: "" }).success).toBe(false);
  });

  it("the contract's roleCode is a non-empty string", () => {
    expect(ZCdpRoleCode.safeParse("ANY-CODE").success).toBe(true);
    expect(ZCdpRoleCode.safeParse("").success).toBe(false);
    expect(ZLiveChatOperatorBindingGatewayRequestDTO.safeParse({ roleCode: "OWNER" }).success).toBe(true);
    const empty = ZLiveChatOperatorBindingGatewayRequestDTO.safeParse({ roleCode: "" });
    expect(empty.error?.issues[0]).toMatchObject({ path: ["roleCode"], message: "must not be empty" });
  });
});
