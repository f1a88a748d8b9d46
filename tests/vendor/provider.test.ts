/** The PlugChat ChatProvider over the emulator: neutral shapes, normalisation, WhatsApp null rule. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PlugchatEmulator } from "@/emulators/plugchat";
import { createChatProvider } from "@/server/providers";
import { ProviderError } from "@/server/providers/errors";
import {
  PLUGCHAT_CAPABILITIES,
  createPlugchatProvider,
  toDate,
  toSubscription,
} from "@/server/providers/plugchat/provider";
import type { ChatProvider } from "@/server/providers/types";
import { TOKEN, clientFor, control, silentLogger, startEmulator } from "./helpers";

let emu: PlugchatEmulator;
let provider: ChatProvider;

beforeAll(async () => {
  emu = await startEmulator();
  provider = createChatProvider({ baseUrl: emu.baseUrl, token: TOKEN, timeoutMs: 2_000, logger: silentLogger });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

describe("capabilities and normalisation", () => {
  it("declares the PlugChat capabilities", () => {
    expect(provider.name).toBe("plugchat");
    expect(provider.capabilities).toEqual(PLUGCHAT_CAPABILITIES);
    expect(provider.capabilities).toMatchObject({
      accounts: true,
      chatSdk: true,
      attendanceWebhooks: true,
      operatorEmail: false,
      operatorRoles: false,
      operatorUpsert: false,
      listOperators: true,
    });
  });

  it("subscription status: boolean or string → active", () => {
    expect(toSubscription({ id: "1", quantity: 2, status: "active" })).toEqual({
      id: "1",
      quantity: 2,
      active: true,
      rawStatus: "active",
    });
    expect(toSubscription({ id: "1", quantity: 2, status: true }).active).toBe(true);
    expect(toSubscription({ id: "1", quantity: 2, status: false })).toMatchObject({
      active: false,
      rawStatus: "false",
    });
    expect(toSubscription({ id: "1", quantity: 2, status: "canceled" }).active).toBe(false);
  });

  it("timestamps: epoch ms (seconds tolerated)", () => {
    expect(toDate(1656427265615)?.toISOString()).toBe("2022-06-28T14:41:05.615Z");
    expect(toDate(1656427265)?.toISOString()).toBe("2022-06-28T14:41:05.000Z");
    expect(toDate(null)).toBeNull();
  });
});

describe("over the emulator", () => {
  it("runs a full flow with neutral types", async () => {
    const { accountId } = await provider.createAccount({
      externalId: "org-42",
      name: "Loja",
      active: true,
      webhooks: { onFinishAttendance: "https://portal.example/wh/x" },
    });
    expect(await provider.getAccount(accountId)).toEqual({
      accountId,
      name: "Loja",
      externalId: "org-42",
      active: true,
      webhooks: { onStartAttendance: null, onFinishAttendance: "https://portal.example/wh/x" },
    });
    const deps = await provider.listDepartments(accountId);
    expect(deps[0]?.createdAt).toBeInstanceOf(Date);
    const { id: depId } = await provider.createDepartment(accountId, { name: "Suporte", active: true });
    await provider.updateDepartment(accountId, { id: depId, name: "Suporte N1", active: true });

    const op = await provider.createOperator(accountId, {
      name: "Ana",
      active: true,
      departments: [depId],
      login: "ana",
      password: "pw-123456789012",
    });
    expect(op.accessToken).toMatch(/^ey/);
    await provider.updateOperator(accountId, op.id, {
      name: "Ana Lima",
      active: false,
      departments: [depId],
      isAdmin: true,
    });
    const ops = await provider.listOperators(accountId);
    expect(ops).toEqual([
      {
        id: op.id,
        name: "Ana Lima",
        active: false,
        departments: [depId],
        isAdmin: null,
        createdAt: expect.any(Date),
        accessToken: op.accessToken,
      },
    ]);

    await provider.deleteDepartment(accountId, depId);
    expect((await provider.listOperators(accountId))[0]?.departments).toEqual([]);

    expect(await provider.setSubscription(accountId, 4)).toMatchObject({
      quantity: 4,
      active: true,
      rawStatus: "active",
    });
    await provider.cancelSubscription(accountId);

    const code = await provider.getWhatsAppCode(accountId);
    expect(code?.expiresAt).toBeInstanceOf(Date);
    expect(code?.expiresAt.getTime() ?? 0).toBeGreaterThan(Date.now());

    await provider.setUra(accountId, {
      active: true,
      ignoreGeral: false,
      ignoreGroups: true,
      welcomeMessage: "Oi {senderName}",
      departmentMessage: "Escolha",
    });
    expect(emu.state.accounts[accountId]?.ura?.welcomeMessage).toBe("Oi {senderName}");

    const sim = await control<{ attendance: { attendanceNumber: number } }>(
      emu,
      "POST",
      `/accounts/${accountId}/attendances`,
      { operatorId: op.id, ratingValue: 5, deliver: false },
    );
    const range = { start: new Date(Date.now() - 3_600_000), end: new Date(Date.now() + 60_000) };
    const byDate = await provider.satisfactionByDate(accountId, range);
    expect(byDate).toHaveLength(1);
    expect(byDate[0]).toMatchObject({
      attendanceNumber: sim.body.attendance.attendanceNumber,
      ratingValue: 5,
      operators: [{ id: op.id, name: "Ana Lima" }],
      status: "FINISH",
    });
    expect(byDate[0]?.endTime).toBeInstanceOf(Date);
    expect(await provider.satisfactionByOperator(accountId, { ...range, operatorId: op.id })).toHaveLength(1);
    expect((await provider.satisfactionByTicket(accountId, sim.body.attendance.attendanceNumber))?.id).toBe(
      byDate[0]?.id,
    );
    expect(await provider.satisfactionByTicket(accountId, 999_999)).toBeNull();
  });

  it("WhatsApp code: null when the account has no instance, not_found when the account is unknown", async () => {
    const { accountId } = await provider.createAccount({ externalId: "org-1", name: "Loja", active: true });
    await control(emu, "POST", `/accounts/${accountId}/whatsapp`, { connected: false });
    expect(await provider.getWhatsAppCode(accountId)).toBeNull();
    const err = await provider.getWhatsAppCode("unknown-account").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).kind).toBe("not_found");
  });

  it("WhatsApp code: a generic 404 is disambiguated with GET /account", async () => {
    const { accountId } = await provider.createAccount({ externalId: "org-2", name: "Loja", active: true });
    await control(emu, "POST", "/faults", { method: "GET", path: "/extension-token$", kind: "status", status: 404 });
    const p = createPlugchatProvider(clientFor(emu));
    expect(await p.getWhatsAppCode(accountId)).toBeNull();
    expect(((await p.getWhatsAppCode("nope").catch((e: unknown) => e)) as ProviderError).kind).toBe("not_found");
  });
});
