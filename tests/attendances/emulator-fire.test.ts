import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlugchatEmulator } from "@/emulators/plugchat";
import {
  ZFinishAttendanceWebhook,
  ZSatisfactionListResponse,
  ZStartAttendanceWebhook,
} from "@/server/providers/plugchat/contract";
import { startEmulator, TOKEN } from "../vendor/helpers";
import { fire } from "./helpers";

describe("emulator: firing N attendances at an account's webhook URLs", () => {
  let emu: PlugchatEmulator;
  const received: Array<{ event: string; body: unknown }> = [];
  const hook = createServer((req, res) => {
    let data = "";
    req.on("data", (c: Buffer) => (data += c.toString("utf8")));
    req.on("end", () => {
      received.push({ event: (req.url ?? "").split("/").pop() ?? "", body: JSON.parse(data) as unknown });
      res.writeHead(202).end();
    });
  });
  let base = "";

  const vendor = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${emu.baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(res.ok).toBe(true);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    emu = await startEmulator();
    await new Promise<void>((r) => hook.listen(0, "127.0.0.1", () => r()));
    base = `http://127.0.0.1:${(hook.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await emu.close();
    await new Promise((r) => hook.close(r));
  });

  it("posts start then finish for each, with the account's departments and operators and Brazilian customers", async () => {
    const { accountId } = await vendor<{ accountId: string }>("POST", "/account", {
      externalId: "org-fire",
      name: "Loja",
      active: true,
      onStartAttendance: `${base}/start`,
      onFinishAttendance: `${base}/finish`,
    });
    const vendas = await vendor<{ id: string }>("POST", `/account/${accountId}/departments`, {
      name: "Vendas",
      active: true,
    });
    await vendor("POST", `/account/${accountId}/operators`, {
      name: "Ana Lima",
      active: true,
      departments: [vendas.id],
    });
    // Another account's department and operator must never appear.
    const other = await vendor<{ accountId: string }>("POST", "/account", { externalId: "x", name: "X", active: true });
    await vendor("POST", `/account/${other.accountId}/departments`, { name: "Alheio", active: true });

    const result = await fire(emu, accountId, 12);
    expect(result.fired).toBe(12);
    expect(result.failedDeliveries).toBe(0);
    expect(new Set(result.attendanceNumbers).size).toBe(12);
    expect(received).toHaveLength(24);

    for (let i = 0; i < 12; i++) {
      const start = ZStartAttendanceWebhook.parse(received[2 * i]!.body);
      const finish = ZFinishAttendanceWebhook.parse(received[2 * i + 1]!.body);
      expect([received[2 * i]!.event, received[2 * i + 1]!.event]).toEqual(["start", "finish"]);
      expect(start.attendance.attendanceNumber).toBe(result.attendanceNumbers[i]);
      expect(finish.attendance.attendanceNumber).toBe(result.attendanceNumbers[i]);
      expect(["Geral", "Vendas"]).toContain(finish.attendance.departament);
      if (finish.attendance.departament === "Vendas") expect(finish.attendance.finishBy).toBe("Ana Lima");
      expect(finish.attendance.customer?.name).toMatch(/^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$/u);
      expect(finish.attendance.customer?.phone).toMatch(/^55\d{2}9\d{8}$/);
      expect(finish.attendance.ratingValue).toBeGreaterThanOrEqual(1);
      expect(finish.attendance.ratingValue).toBeLessThanOrEqual(5);
      expect(finish.attendance.endTime! - finish.attendance.startTime!).toBeGreaterThanOrEqual(60_000);
      expect(Object.keys(finish.chat ?? {}).length).toBeGreaterThanOrEqual(2);
      expect(start.attendance.status).toBe("STARTED");
      expect(finish.attendance.status).toBe("FINISH");
    }

    // The satisfaction report answers with exactly what was fired, ratings included.
    const report = ZSatisfactionListResponse.parse(
      await vendor("POST", `/account/${accountId}/satisfaction/by-date`, { start: 0, end: Date.now() + 60_000 }),
    );
    const fired = new Map(
      received
        .filter((r) => r.event === "finish")
        .map((r) => ZFinishAttendanceWebhook.parse(r.body).attendance)
        .map((a) => [a.attendanceNumber, a.ratingValue]),
    );
    expect(report.data.map((e) => e.attendanceNumber).sort()).toEqual([...fired.keys()].sort());
    for (const e of report.data) expect(e.ratingValue).toBe(fired.get(e.attendanceNumber!));
  });

  it("refuses a count outside 1–500 and an unknown account", async () => {
    const bad = await fetch(`${emu.origin}/__emulator/accounts/nope/attendances/fire`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ count: 1 }),
    });
    expect(bad.status).toBe(404);
    const { accountId } = await vendor<{ accountId: string }>("POST", "/account", {
      externalId: "y",
      name: "Y",
      active: true,
    });
    for (const count of [0, 501, 1.5]) {
      const res = await fetch(`${emu.origin}/__emulator/accounts/${accountId}/attendances/fire`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ count }),
      });
      expect(res.status).toBe(400);
    }
  });
});
