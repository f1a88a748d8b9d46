/** The CDP ChatProvider over the emulator: capabilities, OperatorInput → DTO mapping, space checks, selection by env. */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CdpEmulator } from "@/emulators/cdp";
import { DEV_CDP_BASE_URL, chatProviderConfigFromEnv, createChatProvider } from "@/server/providers";
import {
  CDP_CAPABILITIES,
  NOT_SUPPORTED,
  createCdpProvider,
  hasSpaceVerification,
  parseAccountRef,
  splitName,
  toAccountRef,
  toUpsertDto,
} from "@/server/providers/cdp/provider";
import type { CdpChatProvider } from "@/server/providers/cdp/provider";
import { requiredProductionVariables } from "@/server/config/secrets";
import { CDP_TOKEN, ITEM, PROJECT, failure, silentLogger, snapshot, startEmulator } from "./helpers";

let emu: CdpEmulator;
let provider: CdpChatProvider;
const account = toAccountRef({ projectUuid: PROJECT, itemUuid: ITEM });

beforeAll(async () => {
  emu = await startEmulator();
  provider = createCdpProvider({
    baseUrl: emu.baseUrl,
    token: CDP_TOKEN,
    timeoutMs: 2_000,
    logger: silentLogger,
    retry: { baseDelayMs: 5, maxDelayMs: 50 },
  });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

describe("capabilities", () => {
  it("declares the CDP capabilities", () => {
    expect(provider.name).toBe("cdp");
    expect(provider.capabilities).toEqual({
      accounts: false,
      departments: false,
      subscription: false,
      satisfaction: false,
      whatsappCode: false,
      ura: false,
      operatorEmail: true,
      operatorLogin: false,
      operatorRoles: true,
      operatorUpsert: true,
      listOperators: false,
      chatSdk: false,
      attendanceWebhooks: false,
    });
    expect(provider.capabilities).toBe(CDP_CAPABILITIES);
    expect(hasSpaceVerification(provider)).toBe(true);
  });

  it("every call it lacks rejects with 'not supported by this provider', without calling the gateway", async () => {
    const range = { start: new Date(0), end: new Date() };
    const calls: Array<Promise<unknown>> = [
      provider.createAccount({ externalId: "o", name: "n", active: true }),
      provider.getAccount(account),
      provider.setSubscription(account, 2),
      provider.cancelSubscription(account),
      provider.getWhatsAppCode(account),
      provider.listDepartments(account),
      provider.createDepartment(account, { name: "d", active: true }),
      provider.updateDepartment(account, { id: "d", name: "d", active: true }),
      provider.deleteDepartment(account, "d"),
      provider.listOperators(account),
      provider.satisfactionByDate(account, range),
      provider.satisfactionByOperator(account, { ...range, operatorId: "o" }),
      provider.satisfactionByTicket(account, 1),
      provider.setUra(account, {
        active: true,
        ignoreGeral: false,
        ignoreGroups: false,
        welcomeMessage: "",
        departmentMessage: "",
      }),
    ];
    for (const call of calls) {
      const e = await failure(call);
      expect(e).toMatchObject({ kind: "rejected", details: { reason: NOT_SUPPORTED } });
    }
    expect(Object.keys((await snapshot(emu)).requestCounts)).toEqual([]);
  });
});

describe("mapping", () => {
  it("OperatorInput → DTO: names split, admin → ADMIN, agent → AGENT, explicit roleCode wins, active → enabled, user created", () => {
    expect(
      toUpsertDto({
        name: "Ana Maria Souza",
        active: true,
        departments: ["ignored"],
        email: "ana@example.com",
        isAdmin: true,
      }),
    ).toEqual({
      email: "ana@example.com",
      firstName: "Ana",
      lastName: "Maria Souza",
      roleCode: "ADMIN",
      enabled: true,
      createUserIfMissing: true,
    });
    expect(
      toUpsertDto({
        name: "Bia",
        active: false,
        departments: [],
        email: "bia@example.com",
        onlyAssignedConversations: true,
      }),
    ).toEqual({
      email: "bia@example.com",
      firstName: "Bia",
      roleCode: "AGENT",
      onlyAssignedConversations: true,
      enabled: false,
      createUserIfMissing: true,
    });
    expect(
      toUpsertDto({
        name: "x",
        firstName: "Carla",
        lastName: "Dias",
        roleCode: "SUPERVISOR",
        isAdmin: true,
        active: true,
        departments: [],
      }),
    ).toMatchObject({
      firstName: "Carla",
      lastName: "Dias",
      roleCode: "SUPERVISOR",
    });
    expect(splitName("  ")).toEqual({ firstName: null, lastName: null });
  });

  it("with configured role codes: admin → the first code, others → the last, an explicit code is sent as is", () => {
    const codes = ["OWNER", "MANAGER", "ATENDENTE"];
    expect(toUpsertDto({ name: "Ana", active: true, departments: [], isAdmin: true }, codes).roleCode).toBe("OWNER");
    expect(toUpsertDto({ name: "Bia", active: true, departments: [] }, codes).roleCode).toBe("ATENDENTE");
    expect(toUpsertDto({ name: "Gil", active: true, departments: [], roleCode: "MANAGER" }, codes).roleCode).toBe(
      "MANAGER",
    );
    expect(provider.roleCodes).toEqual(["ADMIN", "SUPERVISOR", "AGENT"]);
    expect(
      createCdpProvider({ baseUrl: emu.baseUrl, token: CDP_TOKEN, timeoutMs: 1_000, roleCodes: codes }).roleCodes,
    ).toEqual(codes);
  });

  it("account refs are projectUuid/itemUuid", async () => {
    expect(parseAccountRef(account)).toEqual({ projectUuid: PROJECT, itemUuid: ITEM });
    for (const bad of ["", "only-one", "a/b/c", "/b", "a/"])
      expect(() => parseAccountRef(bad)).toThrow(/projectUuid\/itemUuid/);
    expect(
      (await failure(provider.createOperator("nope", { name: "A", active: true, departments: [], email: "a@b.co" })))
        .kind,
    ).toBe("rejected");
  });

  it("createOperator then updateOperator (same upsert): id = the user's uuid, no accessToken, deactivation revokes access", async () => {
    const created = await provider.createOperator(account, {
      name: "Ana Souza",
      active: true,
      departments: [],
      email: "ana@example.com",
    });
    expect(created).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), accessToken: null });
    let s = await snapshot(emu);
    expect(s.operators).toEqual([
      expect.objectContaining({
        userUuid: created.id,
        email: "ana@example.com",
        firstName: "Ana",
        lastName: "Souza",
        roleCode: "AGENT",
        access: true,
      }),
    ]);

    const updated = await provider.updateOperator(account, created.id, {
      name: "Ana Souza",
      active: false,
      departments: [],
      isAdmin: true,
      onlyAssignedConversations: true,
    });
    expect(updated).toEqual({ id: created.id, accessToken: null });
    s = await snapshot(emu);
    expect(s.operators).toHaveLength(1);
    expect(s.operators[0]).toMatchObject({
      roleCode: "ADMIN",
      onlyAssignedConversations: true,
      enabled: false,
      access: false,
    });

    // Creating again with the same e-mail is the same upsert: no duplicate.
    expect(
      (
        await provider.createOperator(account, {
          name: "Ana Souza",
          active: true,
          departments: [],
          email: "ana@example.com",
        })
      ).id,
    ).toBe(created.id);
    expect((await snapshot(emu)).operators).toHaveLength(1);
  });

  it("provider validation errors carry fieldErrors for the form", async () => {
    // An emulator with its own role list refuses a code outside it, like a gateway would.
    const strict = await startEmulator({ roleCodes: ["ADMIN", "SUPERVISOR", "AGENT"] });
    try {
      const p = createCdpProvider({
        baseUrl: strict.baseUrl,
        token: CDP_TOKEN,
        timeoutMs: 2_000,
        logger: silentLogger,
        retry: { baseDelayMs: 5, maxDelayMs: 50 },
      });
      const e = await failure(
        p.createOperator(account, {
          name: "Ana",
          active: true,
          departments: [],
          email: "not-an-email",
          roleCode: "ROOT",
        }),
      );
      expect(e.kind).toBe("rejected");
      expect(e.details.fieldErrors).toEqual([
        { field: "email", message: "must be a valid e-mail address" },
        { field: "roleCode", message: "unknown role code; expected one of ADMIN, SUPERVISOR, AGENT" },
      ]);
    } finally {
      await strict.close();
    }
  });
});

describe("verifySpace", () => {
  it("resolves for a known project + item, not_found for unknown ones, unauthorized for a bad token — and binds no one", async () => {
    await expect(provider.verifySpace(PROJECT, ITEM)).resolves.toEqual({ account });
    expect((await failure(provider.verifySpace("unknown", ITEM))).kind).toBe("not_found");
    expect((await failure(provider.verifySpace(PROJECT, "unknown"))).kind).toBe("not_found");
    const bad = createCdpProvider({ baseUrl: emu.baseUrl, token: "wrong", timeoutMs: 1_000, logger: silentLogger });
    expect((await failure(bad.verifySpace(PROJECT, ITEM))).kind).toBe("unauthorized");
    const s = await snapshot(emu);
    expect(s.users).toEqual([]);
    expect(s.operators).toEqual([]);
  });
});

describe("selection by configuration", () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const k of [
      "CHAT_PROVIDER",
      "CDP_BASE_URL",
      "CDP_PROJECT_UUID",
      "CDP_ITEM_UUID",
      "CDP_AUTH_HEADER",
      "CDP_TIMEOUT_MS",
    ]) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  it("createChatProvider({provider:'cdp'}) builds the CDP provider; without it, PlugChat", () => {
    expect(createChatProvider({ provider: "cdp", baseUrl: emu.baseUrl, token: CDP_TOKEN, timeoutMs: 1_000 }).name).toBe(
      "cdp",
    );
    expect(createChatProvider({ baseUrl: "http://127.0.0.1:9/integrator", token: "t", timeoutMs: 1_000 }).name).toBe(
      "plugchat",
    );
  });

  it("CHAT_PROVIDER=cdp reads CDP_* (dev fallbacks outside production)", () => {
    process.env.CHAT_PROVIDER = "cdp";
    delete process.env.CDP_BASE_URL;
    delete process.env.CDP_PROJECT_UUID;
    delete process.env.CDP_ITEM_UUID;
    delete process.env.CDP_ROLE_CODES;
    expect(chatProviderConfigFromEnv()).toMatchObject({
      provider: "cdp",
      baseUrl: DEV_CDP_BASE_URL,
      token: "dev-cdp-token",
      defaultSpace: null,
      roleCodes: ["ADMIN", "SUPERVISOR", "AGENT"],
    });

    process.env.CDP_BASE_URL = emu.baseUrl;
    process.env.CDP_PROJECT_UUID = PROJECT;
    process.env.CDP_ITEM_UUID = ITEM;
    process.env.CDP_AUTH_HEADER = "X-Api-Key";
    process.env.CDP_TIMEOUT_MS = "1234";
    process.env.CDP_ROLE_CODES = " OWNER , AGENT ";
    expect(chatProviderConfigFromEnv()).toMatchObject({
      roleCodes: ["OWNER", "AGENT"],
      provider: "cdp",
      baseUrl: emu.baseUrl,
      authHeader: { name: "X-Api-Key", scheme: null },
      timeoutMs: 1234,
      defaultSpace: { projectUuid: PROJECT, itemUuid: ITEM },
    });
    const p = createChatProvider(chatProviderConfigFromEnv());
    expect(hasSpaceVerification(p) && p.defaultSpace).toEqual({ projectUuid: PROJECT, itemUuid: ITEM });
    expect(p.roleCodes).toEqual(["OWNER", "AGENT"]);

    process.env.CDP_ROLE_CODES = "OWNER,,AGENT";
    expect(() => chatProviderConfigFromEnv()).toThrow(/CDP_ROLE_CODES: "" is not a role code/);
  });

  it("production requires CDP_BASE_URL and CDP_TOKEN when CHAT_PROVIDER=cdp (and not PlugChat's)", () => {
    const base = { NEXTAUTH_SECRET: "s", ENCRYPTION_KEYS: "k", PUBLIC_URL: "https://p" };
    expect(requiredProductionVariables({ ...base, CHAT_PROVIDER: "cdp" })).toEqual(["CDP_BASE_URL", "CDP_TOKEN"]);
    expect(
      requiredProductionVariables({ ...base, CHAT_PROVIDER: "cdp", CDP_BASE_URL: "https://g", CDP_TOKEN: "t" }),
    ).toEqual([]);
    expect(requiredProductionVariables(base)).toEqual(["PLUGCHAT_BASE_URL", "PLUGCHAT_TOKEN"]);
  });
});
