/** The CDP client against the emulator over real HTTP: upsert semantics, typed errors, conformance, logging. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CdpEmulator } from "@/emulators/cdp";
import { startCdpEmulator } from "@/emulators/cdp";
import { createCdpClient, errorForCdpResponse, kindForCode } from "@/server/providers/cdp/client";
import {
  CDP_TOKEN,
  ITEM,
  PROJECT,
  UPSERT,
  captureLogger,
  clientFor,
  control,
  failure,
  rawUpsert,
  snapshot,
  startEmulator,
} from "./helpers";

let emu: CdpEmulator;
let client: ReturnType<typeof clientFor>;

beforeAll(async () => {
  emu = await startEmulator();
  client = clientFor(emu);
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const create = (email: string, extra: Record<string, unknown> = {}) =>
  client.upsertOperator(PROJECT, ITEM, {
    email,
    firstName: "Ana",
    lastName: "Souza",
    createUserIfMissing: true,
    roleCode: "AGENT",
    ...extra,
  });

describe("upsert semantics", () => {
  it("creates the user and the binding, answering the bound user", async () => {
    const data = await create("ana@example.com", { onlyAssignedConversations: true, permissions: ["chat.read"] });
    expect(data).toMatchObject({
      userUuid: expect.any(String),
      email: "ana@example.com",
      firstName: "Ana",
      lastName: "Souza",
      roleCode: "AGENT",
      permissions: ["chat.read"],
      onlyAssignedConversations: true,
      enabled: true,
      created: true,
    });
    const s = await snapshot(emu);
    expect(s.users).toHaveLength(1);
    expect(s.operators).toEqual([
      expect.objectContaining({ userUuid: data.userUuid, projectUuid: PROJECT, itemUuid: ITEM, access: true }),
    ]);
  });

  it("updates by userUuid: only the given fields change, the same user and binding", async () => {
    const first = await create("ana@example.com");
    const data = await client.upsertOperator(PROJECT, ITEM, {
      userUuid: first.userUuid,
      roleCode: "SUPERVISOR",
      lastName: "Lima",
    });
    expect(data).toMatchObject({
      userUuid: first.userUuid,
      email: "ana@example.com",
      firstName: "Ana",
      lastName: "Lima",
      roleCode: "SUPERVISOR",
      created: false,
    });
    const s = await snapshot(emu);
    expect(s.users).toHaveLength(1);
    expect(s.operators).toHaveLength(1);
    expect(s.operators[0]).toMatchObject({ roleCode: "SUPERVISOR", writes: 2 });
  });

  it("updates by e-mail (case-insensitive), no duplicate user", async () => {
    const first = await create("ana@example.com");
    const data = await client.upsertOperator(PROJECT, ITEM, {
      email: "ANA@example.com",
      onlyAssignedConversations: true,
    });
    expect(data).toMatchObject({ userUuid: first.userUuid, onlyAssignedConversations: true, created: false });
    expect((await snapshot(emu)).users).toHaveLength(1);
  });

  it("enabled:false revokes access; enabled:true restores it", async () => {
    const first = await create("ana@example.com");
    expect(await client.upsertOperator(PROJECT, ITEM, { userUuid: first.userUuid, enabled: false })).toMatchObject({
      enabled: false,
    });
    expect((await snapshot(emu)).operators[0]).toMatchObject({ enabled: false, access: false });
    await client.upsertOperator(PROJECT, ITEM, { email: "ana@example.com", enabled: true });
    expect((await snapshot(emu)).operators[0]).toMatchObject({ enabled: true, access: true });
  });

  it("binds an existing user to a second space added through the control surface", async () => {
    const first = await create("ana@example.com");
    expect((await control(emu, "POST", "/spaces", { projectUuid: "p-2", itemUuid: "i-2" })).status).toBe(200);
    const data = await client.upsertOperator("p-2", "i-2", { email: "ana@example.com" });
    expect(data).toMatchObject({ userUuid: first.userUuid, projectUuid: "p-2", created: true });
    expect((await snapshot(emu)).operators).toHaveLength(2);
  });
});

describe("role codes", () => {
  it("without its own list the emulator accepts any non-empty code (the gateway documents none)", async () => {
    for (const roleCode of ["OWNER", "live-agent", "ADMIN"]) {
      const data = await create(`${roleCode.toLowerCase()}@example.com`, { roleCode });
      expect(data).toMatchObject({ roleCode, created: true });
    }
    expect((await snapshot(emu)).operators.map((o) => o.roleCode).sort()).toEqual(["ADMIN", "OWNER", "live-agent"]);
  });

  it("an empty code is refused: by the client before sending, and by the emulator on the wire", async () => {
    const e = await failure(create("ana@example.com", { roleCode: "" }));
    expect(e).toMatchObject({
      kind: "rejected",
      details: { reason: "invalid request", fieldErrors: [{ field: "roleCode", message: "must not be empty" }] },
    });
    const raw = await rawUpsert(emu, {
      body: JSON.stringify({ email: "ana@example.com", createUserIfMissing: true, roleCode: "" }),
    });
    expect(raw.status).toBe(400);
    expect(((await raw.json()) as { error: { fieldErrors: unknown[] } }).error.fieldErrors).toEqual([
      { field: "roleCode", message: "must not be empty" },
    ]);
    expect((await snapshot(emu)).users).toHaveLength(0);
  });

  it("started with its own list (CDP_EMULATOR_ROLE_CODES) it refuses any other code on the field", async () => {
    const strict = await startEmulator({ roleCodes: ["OWNER", "AGENT"] });
    try {
      const c = clientFor(strict);
      const e = await failure(
        c.upsertOperator(PROJECT, ITEM, { email: "ana@example.com", createUserIfMissing: true, roleCode: "ADMIN" }),
      );
      expect(e.details).toMatchObject({
        status: 400,
        code: "VALIDATION_ERROR",
        fieldErrors: [{ field: "roleCode", message: "unknown role code; expected one of OWNER, AGENT" }],
      });
      expect((await snapshot(strict)).users).toHaveLength(0);
      expect(
        await c.upsertOperator(PROJECT, ITEM, {
          email: "ana@example.com",
          createUserIfMissing: true,
          roleCode: "OWNER",
        }),
      ).toMatchObject({ roleCode: "OWNER", created: true });
      // A new binding's own default (AGENT) is not checked against the list: only codes sent are.
      expect(
        await c.upsertOperator(PROJECT, ITEM, { email: "bia@example.com", createUserIfMissing: true }),
      ).toMatchObject({ roleCode: "AGENT" });
    } finally {
      await strict.close();
    }
  });
});

describe("typed errors", () => {
  it("validation failures → rejected with normalised fieldErrors (status 400, code, errorId)", async () => {
    // Any non-empty role code passes an emulator started without its own list (see "role codes").
    const e = await failure(
      client.upsertOperator(PROJECT, ITEM, {
        email: "not-an-email",
        roleCode: "ROOT",
        firstName: "x".repeat(101),
        createUserIfMissing: true,
      }),
    );
    expect(e.kind).toBe("rejected");
    expect(e.details).toMatchObject({ status: 400, code: "VALIDATION_ERROR", errorId: expect.any(String) });
    expect(e.details.fieldErrors?.map((f) => f.field).sort()).toEqual(["email", "firstName"]);
    for (const f of e.details.fieldErrors ?? []) expect(f.message.length).toBeGreaterThan(0);
    expect((await snapshot(emu)).users).toHaveLength(0);
  });

  it("neither userUuid nor e-mail → fieldErrors on both", async () => {
    const e = await failure(client.upsertOperator(PROJECT, ITEM, { firstName: "Ana" }));
    expect(e.details.fieldErrors?.map((f) => f.field)).toEqual(["email", "userUuid"]);
  });

  it("unknown e-mail without createUserIfMissing → rejected, fieldError on email; unknown userUuid → fieldError on userUuid", async () => {
    const e = await failure(client.upsertOperator(PROJECT, ITEM, { email: "new@example.com" }));
    expect(e.kind).toBe("rejected");
    expect(e.details.fieldErrors).toEqual([
      { field: "email", message: expect.stringContaining("createUserIfMissing") },
    ]);
    const u = await failure(client.upsertOperator(PROJECT, ITEM, { userUuid: "00000000-0000-4000-8000-000000000000" }));
    expect(u.details.fieldErrors).toEqual([{ field: "userUuid", message: "user not found" }]);
  });

  it("an e-mail owned by another user cannot be given to a userUuid", async () => {
    const a = await create("ana@example.com");
    await create("bia@example.com");
    const e = await failure(client.upsertOperator(PROJECT, ITEM, { userUuid: a.userUuid, email: "bia@example.com" }));
    expect(e.details.fieldErrors).toEqual([{ field: "email", message: "e-mail already belongs to another user" }]);
  });

  it("a DTO that breaks the contract is refused before sending", async () => {
    const e = await failure(
      client.upsertOperator(PROJECT, ITEM, { enabled: "yes" } as unknown as { enabled: boolean }),
    );
    expect(e.kind).toBe("rejected");
    expect(e.details.fieldErrors?.[0]?.field).toBe("enabled");
    expect(emu.requestCount(UPSERT)).toBe(0);
  });

  it("wrong token → unauthorized (401 in the wrapper), not retried", async () => {
    const e = await failure(
      clientFor(emu, { token: "wrong-token" }).upsertOperator(PROJECT, ITEM, {
        email: "a@b.co",
        createUserIfMissing: true,
      }),
    );
    expect(e).toMatchObject({ kind: "unauthorized", details: { status: 401, code: "UNAUTHORIZED" } });
    expect(emu.requestCount(UPSERT)).toBe(1);
  });

  it("unknown project or item → not_found", async () => {
    const p = await failure(
      client.upsertOperator("no-such-project", ITEM, { email: "a@b.co", createUserIfMissing: true }),
    );
    expect(p).toMatchObject({ kind: "not_found", details: { status: 404, code: "NOT_FOUND" } });
    const i = await failure(
      client.upsertOperator(PROJECT, "no-such-item", { email: "a@b.co", createUserIfMissing: true }),
    );
    expect(i.kind).toBe("not_found");
    expect((await snapshot(emu)).users).toHaveLength(0);
  });

  it("a 2xx with success:false is classified by its code", () => {
    const body = (code: string, fieldErrors?: unknown[]) =>
      JSON.stringify({ success: false, error: { errorId: "e", code, message: "m", fieldErrors } });
    expect(errorForCdpResponse("POST", "/x", 200, body("NOT_FOUND"), null).kind).toBe("not_found");
    expect(errorForCdpResponse("POST", "/x", 200, body("UNAUTHORIZED"), null).kind).toBe("unauthorized");
    expect(errorForCdpResponse("POST", "/x", 200, body("SERVICE_UNAVAILABLE"), null).kind).toBe("unavailable");
    const v = errorForCdpResponse(
      "POST",
      "/x",
      200,
      body("VALIDATION_ERROR", [{ name: "email", message: "bad" }]),
      null,
    );
    expect(v).toMatchObject({ kind: "rejected", details: { fieldErrors: [{ field: "email", message: "bad" }] } });
    expect(errorForCdpResponse("POST", "/x", 200, JSON.stringify({ success: false }), null).kind).toBe("rejected");
    expect(errorForCdpResponse("POST", "/x", 502, "<html>bad gateway</html>", null)).toMatchObject({
      kind: "unavailable",
      details: { status: 502 },
    });
    expect(kindForCode("ACCESS_DENIED", false)).toBe("unauthorized");
  });
});

describe("emulator conformance (raw HTTP)", () => {
  it("every vendor answer is a wrapper: 405 (Allow: POST), 415, 400 invalid JSON, 401, 404 unknown route", async () => {
    const r405 = await rawUpsert(emu, { method: "GET", contentType: null });
    expect(r405.status).toBe(405);
    expect(r405.headers.get("allow")).toBe("POST");
    expect(await r405.json()).toMatchObject({ success: false, error: { code: "METHOD_NOT_ALLOWED" } });

    const r415 = await rawUpsert(emu, { contentType: "text/plain", body: "{}" });
    expect(r415.status).toBe(415);

    const r400 = await rawUpsert(emu, { body: "{not json" });
    expect(r400.status).toBe(400);
    expect(await r400.json()).toMatchObject({ success: false, error: { code: "VALIDATION_ERROR" } });

    const r401 = await rawUpsert(emu, { auth: null, body: "{}" });
    expect(r401.status).toBe(401);
    expect(await r401.json()).toMatchObject({
      success: false,
      error: { code: "UNAUTHORIZED", errorId: expect.any(String), timestamp: expect.any(Number) },
    });

    const r404 = await fetch(`${emu.baseUrl}/v1/other`, { headers: { Authorization: `Bearer ${CDP_TOKEN}` } });
    expect(r404.status).toBe(404);
  });

  it("the contract's strictness applies on the emulator too: unknown keys → 400 with a fieldError", async () => {
    const res = await rawUpsert(emu, { body: JSON.stringify({ email: "a@b.co", departments: [] }) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { fieldErrors: Array<{ field: string }> } };
    expect(body.error.fieldErrors.length).toBeGreaterThan(0);
  });

  it("state survives a restart with a state file; control surface reset keeps the configured spaces only", async () => {
    const { mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const stateFile = path.join(mkdtempSync(path.join(tmpdir(), "cdp-emu-")), "cdp.json");
    const a = await startCdpEmulator({ port: 0, token: CDP_TOKEN, stateFile });
    const [space] = a.snapshot().spaces;
    const c = clientFor(a);
    const data = await c.upsertOperator(space?.projectUuid ?? "", space?.itemUuid ?? "", {
      email: "keep@example.com",
      createUserIfMissing: true,
    });
    await a.close();
    const b = await startCdpEmulator({ port: 0, token: CDP_TOKEN, stateFile });
    expect(b.snapshot().operators.map((o) => o.userUuid)).toEqual([data.userUuid]);
    expect((await control(b, "POST", "/reset")).status).toBe(200);
    expect(b.snapshot().operators).toEqual([]);
    expect(b.snapshot().spaces).toHaveLength(1);
    await b.close();
  });

  it("a custom auth header (X-Api-Key, bare token) works end to end", async () => {
    const custom = await startCdpEmulator({
      port: 0,
      token: CDP_TOKEN,
      authHeader: { name: "X-Api-Key", scheme: null },
      projects: [{ projectUuid: PROJECT, itemUuid: ITEM }],
    });
    try {
      const ok = clientFor(custom, { authHeader: "X-Api-Key" });
      expect(await ok.upsertOperator(PROJECT, ITEM, { email: "a@b.co", createUserIfMissing: true })).toMatchObject({
        email: "a@b.co",
      });
      expect((await failure(clientFor(custom).upsertOperator(PROJECT, ITEM, { email: "a@b.co" }))).kind).toBe(
        "unauthorized",
      );
    } finally {
      await custom.close();
    }
  });
});

describe("logging", () => {
  it("one line per attempt with method, path, status, duration — never the token", async () => {
    const { logger, lines } = captureLogger();
    const logged = clientFor(emu, { logger });
    await logged.upsertOperator(PROJECT, ITEM, { email: "a@b.co", createUserIfMissing: true });
    await logged.upsertOperator(PROJECT, ITEM, { email: "bad" }).catch(() => undefined);
    await createCdpClient({ baseUrl: emu.baseUrl, token: "wrong-secret-token-9", timeoutMs: 1_000, logger })
      .upsertOperator(PROJECT, ITEM, {})
      .catch(() => undefined);
    expect(lines).toHaveLength(3);
    const first = JSON.parse(lines[0] as string) as Record<string, unknown>;
    expect(first).toMatchObject({
      vendor: "cdp",
      method: "POST",
      path: `/v1/projects/${PROJECT}/livechat/items/${ITEM}/operators`,
      status: 200,
      attempt: 1,
    });
    expect(typeof first.durationMs).toBe("number");
    expect(JSON.parse(lines[1] as string)).toMatchObject({ status: 400, kind: "rejected", code: "VALIDATION_ERROR" });
    const all = lines.join("\n");
    expect(all).not.toContain(CDP_TOKEN);
    expect(all).not.toContain("wrong-secret-token-9");
  });
});
