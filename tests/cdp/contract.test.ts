/** The CDP contract against the seed's manifest: the DTO's fields, types and nullability; both wrapper shapes. */
import { describe, expect, it } from "vitest";
import {
  DEFAULT_CDP_ROLE_CODES,
  ZAnyResponseWrapper,
  ZCdpErrorResponse,
  ZCdpFieldError,
  ZLiveChatOperatorBindingGatewayRequestDTO,
  ZUpsertOperatorResponse,
  normaliseFieldError,
  parseAuthHeader,
  upsertOperatorPath,
} from "@/server/providers/cdp/contract";

const FULL_DTO = {
  companyUuid: "c-1",
  userUuid: "u-1",
  email: "ana@example.com",
  firstName: "Ana",
  lastName: "Souza",
  createUserIfMissing: true,
  roleCode: "ADMIN",
  permissions: ["chat.read", "chat.write"],
  onlyAssignedConversations: false,
  enabled: true,
};

describe("LiveChatOperatorBindingGatewayRequestDTO", () => {
  it("has exactly the manifest's ten fields", () => {
    expect(Object.keys(ZLiveChatOperatorBindingGatewayRequestDTO.shape).sort()).toEqual(
      [
        "companyUuid",
        "userUuid",
        "email",
        "firstName",
        "lastName",
        "createUserIfMissing",
        "roleCode",
        "permissions",
        "onlyAssignedConversations",
        "enabled",
      ].sort(),
    );
  });

  it("parses a DTO with every field, and one with no field at all (every field optional)", () => {
    expect(ZLiveChatOperatorBindingGatewayRequestDTO.parse(FULL_DTO)).toEqual(FULL_DTO);
    expect(ZLiveChatOperatorBindingGatewayRequestDTO.parse({})).toEqual({});
  });

  it("accepts null exactly where the manifest says nullable", () => {
    const nulls = { companyUuid: null, userUuid: null, email: null, firstName: null, lastName: null };
    expect(ZLiveChatOperatorBindingGatewayRequestDTO.parse({ ...FULL_DTO, ...nulls })).toEqual({
      ...FULL_DTO,
      ...nulls,
    });
    for (const field of ["createUserIfMissing", "roleCode", "permissions", "onlyAssignedConversations", "enabled"]) {
      const r = ZLiveChatOperatorBindingGatewayRequestDTO.safeParse({ ...FULL_DTO, [field]: null });
      expect(r.success, field).toBe(false);
    }
  });

  it("refuses wrong types and unknown keys", () => {
    const wrong: Array<[string, unknown]> = [
      ["companyUuid", 1],
      ["userUuid", true],
      ["email", 42],
      ["firstName", ["Ana"]],
      ["lastName", {}],
      ["createUserIfMissing", "true"],
      ["roleCode", 1],
      ["permissions", "chat.read"],
      ["permissions", [1]],
      ["onlyAssignedConversations", "no"],
      ["enabled", 0],
    ];
    for (const [field, value] of wrong) {
      const r = ZLiveChatOperatorBindingGatewayRequestDTO.safeParse({ ...FULL_DTO, [field]: value });
      expect(r.success, `${field}=${JSON.stringify(value)}`).toBe(false);
      if (!r.success) expect(r.error.issues[0]?.path[0]).toBe(field);
    }
    expect(ZLiveChatOperatorBindingGatewayRequestDTO.safeParse({ ...FULL_DTO, departments: [] }).success).toBe(false);
  });
});

describe("ResponseWrapper and CdpErrorResponse", () => {
  it("parses the success shape ({success, data}) with any data, and with data null or absent", () => {
    expect(ZAnyResponseWrapper.parse({ success: true, data: { anything: [1] } })).toEqual({
      success: true,
      data: { anything: [1] },
    });
    expect(ZAnyResponseWrapper.parse({ success: true, data: null }).data).toBeNull();
    expect(ZAnyResponseWrapper.parse({ success: true }).success).toBe(true);
    const upsert = ZUpsertOperatorResponse.parse({
      success: true,
      data: { userUuid: "u", email: "a@b.co", enabled: false, extra: 1 },
    });
    expect(upsert.data).toMatchObject({ userUuid: "u", email: "a@b.co", enabled: false, extra: 1 });
  });

  it("parses the failure shape with every documented error field", () => {
    const body = {
      success: false,
      error: {
        errorId: "e-1",
        code: "VALIDATION_ERROR",
        message: "Validation failed",
        details: { hint: "x" },
        fieldErrors: [{ field: "email", message: "invalid", rejectedValue: "x" }],
        timestamp: 1750000000000,
        meta: { traceId: "t" },
      },
    };
    const parsed = ZAnyResponseWrapper.parse(body);
    expect(parsed.error).toEqual(body.error);
    expect(
      ZAnyResponseWrapper.parse({ success: false, error: { errorId: "e", code: "X", message: "m" } }).error?.code,
    ).toBe("X");
    expect(ZAnyResponseWrapper.parse({ success: false, data: null, error: null }).error).toBeNull();
  });

  it("requires errorId, code and message; timestamp is a long; details/meta are maps", () => {
    const ok = { errorId: "e", code: "C", message: "m" };
    for (const k of ["errorId", "code", "message"] as const) {
      const { [k]: _omit, ...rest } = ok;
      void _omit;
      expect(ZCdpErrorResponse.safeParse(rest).success, k).toBe(false);
    }
    expect(ZCdpErrorResponse.safeParse({ ...ok, timestamp: "2025-01-01" }).success).toBe(false);
    expect(ZCdpErrorResponse.safeParse({ ...ok, timestamp: 1.5 }).success).toBe(false);
    expect(ZCdpErrorResponse.safeParse({ ...ok, details: [] }).success).toBe(false);
    expect(ZAnyResponseWrapper.safeParse({ data: {} }).success).toBe(false);
    expect(ZAnyResponseWrapper.safeParse({ success: "true" }).success).toBe(false);
  });

  it("CdpFieldError: field under field | name | path, plus a message; normalised to {field, message}", () => {
    expect(normaliseFieldError(ZCdpFieldError.parse({ field: "email", message: "bad" }))).toEqual({
      field: "email",
      message: "bad",
    });
    expect(normaliseFieldError(ZCdpFieldError.parse({ name: "firstName", message: "long" }))).toEqual({
      field: "firstName",
      message: "long",
    });
    expect(normaliseFieldError(ZCdpFieldError.parse({ path: ["permissions", 0], message: "empty" }))).toEqual({
      field: "permissions.0",
      message: "empty",
    });
    expect(ZCdpFieldError.parse({ field: "x", message: "m", code: "Size" })).toMatchObject({ code: "Size" });
    expect(ZCdpFieldError.safeParse({ message: "no field" }).success).toBe(false);
    expect(ZCdpFieldError.safeParse({ field: "email" }).success).toBe(false);
  });
});

describe("helpers", () => {
  it("builds the upsert path with encoded ids", () => {
    expect(upsertOperatorPath("p 1", "i/2")).toBe("/v1/projects/p%201/livechat/items/i%2F2/operators");
  });

  it("auth header spec: bearer by default, bare header, header with scheme", () => {
    expect(parseAuthHeader(undefined)).toEqual({ name: "Authorization", scheme: "Bearer" });
    expect(parseAuthHeader("bearer")).toEqual({ name: "Authorization", scheme: "Bearer" });
    expect(parseAuthHeader("X-Api-Key")).toEqual({ name: "X-Api-Key", scheme: null });
    expect(parseAuthHeader("Authorization: Token")).toEqual({ name: "Authorization", scheme: "Token" });
    expect(() => parseAuthHeader("bad header: x")).toThrow(/invalid header name/);
  });

  it("the default role codes (CDP_ROLE_CODES unset)", () => {
    expect(DEFAULT_CDP_ROLE_CODES).toEqual(["ADMIN", "SUPERVISOR", "AGENT"]);
  });
});
