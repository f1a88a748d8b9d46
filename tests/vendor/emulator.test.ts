/** Emulator conformance (raw fetch): documented statuses, control surface, webhooks, SDK, persistence. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startPlugchatEmulator } from "@/emulators/plugchat";
import type { PlugchatEmulator } from "@/emulators/plugchat";
import { ZFinishAttendanceWebhook, ZStartAttendanceWebhook } from "@/server/providers/plugchat/contract";
import { TOKEN, control, newAccount, raw, snapshot, startEmulator } from "./helpers";

let emu: PlugchatEmulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const JSON_CT = { "Content-Type": "application/json" };

describe("documented status codes", () => {
  it("401 without or with a wrong Bearer token", async () => {
    expect((await raw(emu, "GET", "/account/x/", { auth: null })).status).toBe(401);
    expect((await raw(emu, "GET", "/account/x/", { auth: "nope" })).status).toBe(401);
    const res = await raw(emu, "POST", "/account", { auth: null, headers: JSON_CT, body: "{}" });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ reason: "unauthorized" });
  });

  it("405 for a method a path does not have (operators cannot be deleted)", async () => {
    const id = await newAccount(emu);
    for (const [method, p] of [
      ["DELETE", `/account/${id}/operators`],
      ["GET", "/account"],
      ["PUT", `/account/${id}/subscription`],
      ["POST", `/account/${id}/extension-token`],
      ["GET", `/account/${id}/ura`],
    ] as const) {
      const res = await raw(emu, method, p, { headers: JSON_CT, body: method === "GET" ? undefined : "{}" });
      expect(res.status, `${method} ${p}`).toBe(405);
    }
  });

  it("415 when a body is sent without application/json; GETs without a body are fine without it", async () => {
    const id = await newAccount(emu);
    const body = JSON.stringify({ name: "Vendas", active: true });
    expect(
      (await raw(emu, "POST", `/account/${id}/departments`, { headers: { "Content-Type": "text/plain" }, body }))
        .status,
    ).toBe(415);
    expect(
      (await raw(emu, "POST", `/account/${id}/departments`, { body: new Blob([body]) as unknown as string })).status,
    ).toBe(415);
    expect(
      (
        await raw(emu, "PUT", `/account/${id}/departments`, {
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: "a=1",
        })
      ).status,
    ).toBe(415);
    expect((await raw(emu, "GET", `/account/${id}/departments`)).status).toBe(200);
    expect(
      (
        await raw(emu, "POST", `/account/${id}/departments`, {
          headers: { "Content-Type": "application/json; charset=utf-8" },
          body,
        })
      ).status,
    ).toBe(200);
  });

  it("400 with a reason for invalid input (same contract schemas)", async () => {
    const id = await newAccount(emu);
    const cases: Array<[string, string, string]> = [
      ["POST", `/account/${id}/subscription`, JSON.stringify({ operators: 1 })],
      ["POST", "/account", JSON.stringify({ name: "x", active: true })],
      ["POST", `/account/${id}/operators`, JSON.stringify({ name: "x", active: "yes", departments: [] })],
      ["POST", `/account/${id}/departments`, "{not json"],
      ["POST", `/account/${id}/satisfaction/by-ticket`, JSON.stringify({ ticket: "1" })],
      ["POST", `/account/${id}/ura`, JSON.stringify({ active: true })],
    ];
    for (const [method, p, body] of cases) {
      const res = await raw(emu, method, p, { headers: JSON_CT, body });
      expect(res.status, `${method} ${p} ${body}`).toBe(400);
      const reply = (await res.json()) as { reason: string };
      expect(typeof reply.reason).toBe("string");
    }
  });

  it('404 {"reason":"entity not found"} for unknown accounts and ids', async () => {
    const res = await raw(emu, "GET", "/account/unknown/");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ reason: "entity not found" });
    const id = await newAccount(emu);
    expect((await raw(emu, "DELETE", `/account/${id}/departments/unknown`)).status).toBe(404);
  });

  it("200 shapes: GET /account/:id/ shows only documented fields (also without the trailing slash)", async () => {
    const id = await newAccount(emu, { externalId: "ext-9", name: "Loja" });
    for (const p of [`/account/${id}/`, `/account/${id}`]) {
      const res = await raw(emu, "GET", p);
      expect(res.status).toBe(200);
      expect(Object.keys((await res.json()) as object).sort()).toEqual(
        [
          "active",
          "externalId",
          "name",
          "onFinishAttendance",
          "onMessageStatus",
          "onReceiveMessage",
          "onSendingMessage",
          "onStartAttendance",
        ].sort(),
      );
    }
  });
});

describe("domain rules", () => {
  it("creating an account creates Geral and a 7-day trial; the clock can be advanced", async () => {
    const id = await newAccount(emu);
    const state = await snapshot(emu);
    expect(state.departments.filter((d) => d.accountId === id).map((d) => d.name)).toEqual(["Geral"]);
    const acc = state.accounts.find((a) => a.id === id);
    expect(acc?.trialExpired).toBe(false);
    expect((acc?.trialEndsAt ?? 0) - Date.now()).toBeGreaterThan(6.9 * 24 * 3600_000);
    await control(emu, "POST", "/clock", { advanceMs: 8 * 24 * 3600_000 });
    expect((await snapshot(emu)).accounts[0]?.trialExpired).toBe(true);
  });

  it("deleting a department moves its chats to Geral; Geral cannot be deleted", async () => {
    const id = await newAccount(emu);
    const dep = (await (
      await raw(emu, "POST", `/account/${id}/departments`, {
        headers: JSON_CT,
        body: JSON.stringify({ name: "Vendas", active: true }),
      })
    ).json()) as { id: string };
    const sim = await control(emu, "POST", `/accounts/${id}/attendances`, { departmentId: dep.id, deliver: false });
    expect(sim.status).toBe(200);
    expect((await raw(emu, "DELETE", `/account/${id}/departments/${dep.id}`)).status).toBe(200);
    const geral = emu.state.accounts[id]?.geralDepartmentId;
    expect(emu.state.attendances[0]?.departmentId).toBe(geral);
    const res = await raw(emu, "DELETE", `/account/${id}/departments/${geral}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { reason: string }).reason).toMatch(/Geral/);
  });

  it("extension-token expires in about 60 s and 404s when WhatsApp is off", async () => {
    const id = await newAccount(emu);
    const res = await raw(emu, "GET", `/account/${id}/extension-token`);
    const body = (await res.json()) as { token: string; expiresAt: number };
    expect(body.expiresAt - Date.now()).toBeGreaterThan(50_000);
    expect(body.expiresAt - Date.now()).toBeLessThanOrEqual(60_000);
    await control(emu, "POST", `/accounts/${id}/whatsapp`, { connected: false });
    const off = await raw(emu, "GET", `/account/${id}/extension-token`);
    expect(off.status).toBe(404);
    expect(await off.json()).toEqual({ reason: "whatsapp instance not found" });
  });
});

describe("control surface", () => {
  it("tokens/verify names the operator; a forged token is refused", async () => {
    const id = await newAccount(emu);
    const op = (await (
      await raw(emu, "POST", `/account/${id}/operators`, {
        headers: JSON_CT,
        body: JSON.stringify({ name: "Operador 001", active: true, departments: [] }),
      })
    ).json()) as { id: string; accessToken: string };
    const ok = await control(emu, "POST", "/tokens/verify", { accessToken: op.accessToken });
    expect(ok.body).toMatchObject({
      valid: true,
      accountId: id,
      operatorId: op.id,
      operator: { name: "Operador 001" },
    });
    const [h, p] = op.accessToken.split(".");
    const forged = await control(emu, "POST", "/tokens/verify", { accessToken: `${h}.${p}.AAAA` });
    expect(forged.status).toBe(401);
  });

  it("reset clears state, faults and counters", async () => {
    await newAccount(emu);
    await control(emu, "POST", "/faults", { kind: "status", status: 500 });
    await control(emu, "POST", "/reset");
    const s = await snapshot(emu);
    expect(s.accounts).toHaveLength(0);
    expect(s.requestCounts).toEqual({});
    expect((await control<unknown[]>(emu, "GET", "/faults")).body).toEqual([]);
  });

  it("faults are validated, listed and cleared", async () => {
    expect((await control(emu, "POST", "/faults", { kind: "explode" })).status).toBe(400);
    expect((await control(emu, "POST", "/faults", { kind: "latency", latencyMs: 1, times: 2 })).status).toBe(200);
    expect((await control<unknown[]>(emu, "GET", "/faults")).body).toHaveLength(1);
    expect((await control(emu, "DELETE", "/faults")).status).toBe(200);
    expect((await control<unknown[]>(emu, "GET", "/faults")).body).toHaveLength(0);
  });

  it("simulated attendances POST the documented start and finish webhooks", async () => {
    const received: Array<{ url: string; body: unknown; contentType: string | undefined }> = [];
    const hook = createServer((req, res) => {
      let data = "";
      req.on("data", (c: Buffer) => (data += c.toString("utf8")));
      req.on("end", () => {
        received.push({
          url: req.url ?? "",
          body: JSON.parse(data) as unknown,
          contentType: req.headers["content-type"],
        });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => hook.listen(0, "127.0.0.1", () => r()));
    const base = `http://127.0.0.1:${(hook.address() as AddressInfo).port}`;
    try {
      const id = await newAccount(emu, {
        onStartAttendance: `${base}/start/tok`,
        onFinishAttendance: `${base}/finish/tok`,
      });
      const op = (await (
        await raw(emu, "POST", `/account/${id}/operators`, {
          headers: JSON_CT,
          body: JSON.stringify({ name: "Ana", active: true, departments: [] }),
        })
      ).json()) as { id: string };
      const sim = await control<{ deliveries: Array<{ event: string; status: number }> }>(
        emu,
        "POST",
        `/accounts/${id}/attendances`,
        { operatorId: op.id, ratingValue: 3 },
      );
      expect(sim.body.deliveries).toEqual([
        { event: "onStartAttendance", url: `${base}/start/tok`, status: 204 },
        { event: "onFinishAttendance", url: `${base}/finish/tok`, status: 204 },
      ]);
      expect(received.map((r) => r.url)).toEqual(["/start/tok", "/finish/tok"]);
      expect(received[0]?.contentType).toBe("application/json");
      expect(ZStartAttendanceWebhook.safeParse(received[0]?.body).success).toBe(true);
      const finish = ZFinishAttendanceWebhook.parse(received[1]?.body);
      expect(finish.attendance).toMatchObject({
        status: "FINISH",
        departament: "Geral",
        finishBy: "Ana",
        ratingValue: 3,
        "operatorReport ": "",
      });
      expect(Object.values(finish.chat ?? {})[0]).toHaveProperty("momment");
    } finally {
      await new Promise((r) => hook.close(r));
    }
  });

  it("request counts are kept per route", async () => {
    const id = await newAccount(emu);
    await raw(emu, "GET", `/account/${id}/operators`);
    await raw(emu, "GET", `/account/${id}/operators`);
    const s = await snapshot(emu);
    expect(s.requestCounts).toMatchObject({ "POST /account": 1, "GET /account/:id/operators": 2 });
  });
});

describe("browser SDK stand-in", () => {
  it("serves /sdk/index.js as JavaScript exposing ChatPluginPlay without eval", async () => {
    const res = await fetch(`${emu.origin}/sdk/index.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/javascript/);
    const js = await res.text();
    for (const name of [
      "window.ChatPluginPlay",
      "init",
      "openChat",
      "closeChat",
      "toogleFloatingButton",
      "destroy",
      'data-testid": "plugchat-sdk"',
      'aria-label": "PlugChat"',
    ]) {
      expect(js).toContain(name);
    }
    expect(js).not.toMatch(/\beval\(|new Function|innerHTML|onclick=/);
  });

  it("/sdk/session validates an operator accessToken with CORS *", async () => {
    const id = await newAccount(emu);
    const op = (await (
      await raw(emu, "POST", `/account/${id}/operators`, {
        headers: JSON_CT,
        body: JSON.stringify({ name: "Operador 001", active: true, departments: [] }),
      })
    ).json()) as { id: string; accessToken: string };
    const ok = await fetch(`${emu.origin}/sdk/session?token=${encodeURIComponent(op.accessToken)}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("access-control-allow-origin")).toBe("*");
    expect(await ok.json()).toEqual({ ok: true, accountId: id, operator: { id: op.id, name: "Operador 001" } });
    const bad = await fetch(`${emu.origin}/sdk/session?token=garbage`);
    expect(bad.status).toBe(200);
    expect(await bad.json()).toEqual({ ok: false, reason: "token inválido" });
    // The vendor API itself carries no CORS header.
    expect((await raw(emu, "GET", `/account/${id}/`)).headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("persistence", () => {
  it("state survives a restart through the state file", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "plugchat-emu-")), "state.json");
    const first = await startPlugchatEmulator({ port: 0, token: TOKEN, stateFile: file });
    const id = await newAccount(first, { externalId: "persist-1" });
    await first.close();
    expect(JSON.parse(readFileSync(file, "utf8"))).toHaveProperty(["accounts", id]);
    const second = await startPlugchatEmulator({ port: 0, token: TOKEN, stateFile: file });
    try {
      const res = await raw(second, "GET", `/account/${id}/`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { externalId: string }).externalId).toBe("persist-1");
    } finally {
      await second.close();
    }
  });
});
