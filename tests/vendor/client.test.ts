/** The PlugChat client against the emulator over real HTTP: every call, and each documented error. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PlugchatEmulator } from "@/emulators/plugchat";
import { ProviderError } from "@/server/providers/errors";
import type * as C from "@/server/providers/plugchat/contract";
import { clientFor, control, snapshot, startEmulator } from "./helpers";

let emu: PlugchatEmulator;
let client: ReturnType<typeof clientFor>;

beforeAll(async () => {
  emu = await startEmulator();
  client = clientFor(emu);
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

async function failure(p: Promise<unknown>): Promise<ProviderError> {
  const e = await p.then(
    () => new Error("expected a failure"),
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(ProviderError);
  return e as ProviderError;
}

async function account(): Promise<string> {
  const res = await client.createAccount({ externalId: "org-1", name: "Meu Cliente 001", active: true });
  return res.accountId;
}

describe("accounts", () => {
  it("creates an account with its Geral department and reads it back", async () => {
    const res = await client.createAccount({
      externalId: "123",
      name: "Meu Cliente 001",
      active: true,
      sessionName: "Loja",
      onFinishAttendance: "https://portal.example/api/webhooks/plugchat/abc/finish",
    });
    expect(res).toEqual({ success: true, accountId: expect.any(String), externalId: "123" });
    const got = await client.getAccount(res.accountId);
    expect(got).toEqual({
      name: "Meu Cliente 001",
      externalId: "123",
      active: true,
      onStartAttendance: null,
      onFinishAttendance: "https://portal.example/api/webhooks/plugchat/abc/finish",
      onReceiveMessage: null,
      onSendingMessage: null,
      onMessageStatus: null,
    });
    const deps = await client.listDepartments(res.accountId);
    expect(deps.map((d) => d.name)).toEqual(["Geral"]);
  });

  it("subscription: sets seats, refuses fewer than 2 (400 → rejected), cancels", async () => {
    const id = await account();
    const sub = await client.setSubscription(id, { operators: 3 });
    expect(sub).toEqual({ id: expect.any(String), quantity: 3, status: "active" });
    const again = await client.setSubscription(id, { operators: 5 });
    expect(again.id).toBe(sub.id);
    expect(again.quantity).toBe(5);
    const e = await failure(client.setSubscription(id, { operators: 1 }));
    expect(e.kind).toBe("rejected");
    expect(e.status).toBe(400);
    expect(e.details.reason).toMatch(/at least 2/);
    expect(await client.cancelSubscription(id)).toEqual({ success: true });
    const state = await snapshot(emu);
    expect(state.accounts[0]?.subscription).toMatchObject({ status: "canceled", quantity: 5 });
  });

  it("extension-token: a code with a future expiry; 404 without a WhatsApp instance", async () => {
    const id = await account();
    const code = await client.getExtensionToken(id);
    expect(code.token.length).toBeGreaterThan(10);
    expect(code.expiresAt).toBeGreaterThan(Date.now());
    await control(emu, "POST", `/accounts/${id}/whatsapp`, { connected: false });
    const e = await failure(client.getExtensionToken(id));
    expect(e.kind).toBe("not_found");
    expect(e.details.reason).toBe("whatsapp instance not found");
  });
});

describe("departments", () => {
  it("create, list, update, delete; Geral cannot be deleted", async () => {
    const id = await account();
    const created = await client.createDepartment(id, { name: "Vendas", active: true });
    expect(created).toEqual({ success: true, id: expect.any(String) });
    const updated = await client.updateDepartment(id, { id: created.id, name: "Vendas B2B", active: false });
    expect(updated).toEqual({ success: true, id: created.id });
    const list = await client.listDepartments(id);
    expect(list).toHaveLength(2);
    expect(list.find((d) => d.id === created.id)).toMatchObject({
      name: "Vendas B2B",
      active: false,
      createdAt: expect.any(Number),
    });
    expect(await client.deleteDepartment(id, created.id)).toEqual({ success: true });
    expect((await client.listDepartments(id)).map((d) => d.name)).toEqual(["Geral"]);

    const geral = (await client.listDepartments(id))[0]?.id ?? "";
    const e = await failure(client.deleteDepartment(id, geral));
    expect(e.kind).toBe("rejected");
    expect(e.details.reason).toMatch(/Geral/);
  });

  it("unknown department id → not_found", async () => {
    const id = await account();
    expect((await failure(client.deleteDepartment(id, "nope"))).kind).toBe("not_found");
    expect((await failure(client.updateDepartment(id, { id: "nope", name: "x", active: true }))).kind).toBe(
      "not_found",
    );
  });
});

describe("operators", () => {
  it("create, list, update (deactivate); tokens name the operator", async () => {
    const id = await account();
    const geral = (await client.listDepartments(id))[0]?.id ?? "";
    const created = await client.createOperator(id, {
      name: "Operador 001",
      active: true,
      departments: [geral],
      login: "op1",
      password: "s3cret-pass",
      isAdmin: false,
    });
    expect(created).toEqual({
      success: true,
      id: expect.any(String),
      accessToken: expect.stringMatching(/^ey[\w-]+\.[\w-]+\.[\w-]+$/),
    });

    const verify = await control<{ valid: boolean; accountId: string; operatorId: string }>(
      emu,
      "POST",
      "/tokens/verify",
      { accessToken: created.accessToken },
    );
    expect(verify.body).toMatchObject({ valid: true, accountId: id, operatorId: created.id });

    const list = await client.listOperators(id);
    expect(list).toEqual([
      {
        id: created.id,
        name: "Operador 001",
        active: true,
        departments: [geral],
        createdAt: expect.any(Number),
        accessToken: created.accessToken,
      },
    ]);

    const updated = await client.updateOperator(id, {
      id: created.id,
      name: "Operador 001",
      active: false,
      departments: [geral],
      isAdmin: true,
    });
    expect(updated).toEqual({ success: true, id: created.id, accessToken: created.accessToken });
    expect((await client.listOperators(id))[0]?.active).toBe(false);
  });

  it("unknown department on create → rejected 400; unknown operator on update → not_found", async () => {
    const id = await account();
    const e = await failure(client.createOperator(id, { name: "A", active: true, departments: ["missing"] }));
    expect(e.kind).toBe("rejected");
    expect(e.status).toBe(400);
    expect(
      (await failure(client.updateOperator(id, { id: "missing", name: "A", active: true, departments: [] }))).kind,
    ).toBe("not_found");
  });
});

describe("satisfaction and URA", () => {
  it("reports return the attendances the emulator recorded", async () => {
    const id = await account();
    const op = await client.createOperator(id, { name: "Ana", active: true, departments: [] });
    const other = await client.createOperator(id, { name: "Bia", active: true, departments: [] });
    const sim = await control<{ attendance: { attendanceNumber: number } }>(
      emu,
      "POST",
      `/accounts/${id}/attendances`,
      {
        operatorId: op.id,
        ratingValue: 4,
        ratingObservation: "bom",
        customer: { name: "Carla", phone: "5511999990000" },
      },
    );
    expect(sim.status).toBe(200);
    const range = { start: Date.now() - 3_600_000, end: Date.now() + 60_000 };

    const byDate = await client.satisfactionByDate(id, range);
    expect(byDate.success).toBe(true);
    expect(byDate.data).toHaveLength(1);
    expect(byDate.data[0]).toMatchObject({
      attendanceNumber: sim.body.attendance.attendanceNumber,
      ratingValue: 4,
      ratingObservation: "bom",
      status: "FINISH",
      operators: { [op.id]: true },
    });

    expect((await client.satisfactionByOperator(id, { ...range, operatorId: op.id })).data).toHaveLength(1);
    expect((await client.satisfactionByOperator(id, { ...range, operatorId: other.id })).data).toHaveLength(0);
    expect((await client.satisfactionByDate(id, { start: 0, end: 1000 })).data).toHaveLength(0);

    const ticket = await client.satisfactionByTicket(id, { ticket: sim.body.attendance.attendanceNumber });
    expect(ticket.data?.customer).toEqual({ name: "Carla", phone: "5511999990000" });
    expect((await client.satisfactionByTicket(id, { ticket: 1 })).data).toBeNull();
  });

  it("URA settings are stored", async () => {
    const id = await account();
    const ura: C.TUraRequest = {
      active: true,
      ignoreGeral: true,
      ignoreGroups: false,
      welcomeMessage: "Olá {senderName}!",
      departmentMessage: "Escolha:",
    };
    expect(await client.setUra(id, ura)).toEqual({ success: true });
    expect((await snapshot(emu)).accounts[0]?.ura).toEqual(ura);
  });
});

describe("documented errors through the client", () => {
  it("401 → unauthorized (wrong token)", async () => {
    const bad = clientFor(emu, { token: "wrong" });
    const e = await failure(bad.createAccount({ externalId: "1", name: "n", active: true }));
    expect(e.kind).toBe("unauthorized");
    expect(e.status).toBe(401);
    expect((await failure(bad.listDepartments("x"))).kind).toBe("unauthorized");
  });

  it("404 → not_found with the vendor's reason, on every account-scoped call", async () => {
    const calls: Array<() => Promise<unknown>> = [
      () => client.getAccount("missing"),
      () => client.setSubscription("missing", { operators: 2 }),
      () => client.cancelSubscription("missing"),
      () => client.getExtensionToken("missing"),
      () => client.createDepartment("missing", { name: "x", active: true }),
      () => client.listDepartments("missing"),
      () => client.updateDepartment("missing", { id: "d", name: "x", active: true }),
      () => client.deleteDepartment("missing", "d"),
      () => client.createOperator("missing", { name: "x", active: true, departments: [] }),
      () => client.listOperators("missing"),
      () => client.updateOperator("missing", { id: "o", name: "x", active: true, departments: [] }),
      () => client.satisfactionByDate("missing", { start: 0, end: 1 }),
      () => client.satisfactionByOperator("missing", { start: 0, end: 1, operatorId: "o" }),
      () => client.satisfactionByTicket("missing", { ticket: 1 }),
      () =>
        client.setUra("missing", {
          active: false,
          ignoreGeral: false,
          ignoreGroups: false,
          welcomeMessage: "",
          departmentMessage: "",
        }),
    ];
    for (const call of calls) {
      const e = await failure(call());
      expect(e.kind).toBe("not_found");
      expect(e.status).toBe(404);
      expect(e.details.reason).toBe("entity not found");
    }
  });

  it("405 and 415 → rejected (via a fetch that alters the request)", async () => {
    const id = await account();
    const asDelete = clientFor(emu, { fetch: (url, init) => fetch(url, { ...init, method: "DELETE" }) });
    const e405 = await failure(asDelete.listOperators(id));
    expect(e405).toMatchObject({ kind: "rejected", details: { status: 405 } });

    const asText = clientFor(emu, {
      fetch: (url, init) =>
        fetch(url, {
          ...init,
          headers: { ...(init?.headers as Record<string, string>), "Content-Type": "text/plain" },
        }),
    });
    const e415 = await failure(asText.createDepartment(id, { name: "x", active: true }));
    expect(e415).toMatchObject({ kind: "rejected", details: { status: 415 } });
    expect((await snapshot(emu)).departments).toHaveLength(1);
  });

  it("400 → rejected with the vendor's reason", async () => {
    const id = await account();
    const e = await failure(client.createDepartment(id, { name: "", active: true }));
    expect(e).toMatchObject({ kind: "rejected", details: { status: 400 } });
    expect(e.details.reason).toMatch(/name/);
  });
});
