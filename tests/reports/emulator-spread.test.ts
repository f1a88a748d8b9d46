/** The emulator's fire with `withinDays`: attendances end across the last N days, and by-date answers per period. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlugchatEmulator } from "@/emulators/plugchat";
import { ZSatisfactionListResponse } from "@/server/providers/plugchat/contract";
import { control, startEmulator, TOKEN } from "../vendor/helpers";

const DAY = 24 * 60 * 60 * 1000;

describe("emulator: attendances spread over the last days", () => {
  let emu: PlugchatEmulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(async () => {
    await emu.close();
  });

  const vendor = async (path: string, body: unknown) => {
    const res = await fetch(`${emu.baseUrl}${path}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(res.ok).toBe(true);
    return (await res.json()) as unknown;
  };

  it("ends each between N days ago and now; by-date returns exactly those ending in the period", async () => {
    const { accountId } = (await vendor("/account", { externalId: "spread", name: "Loja", active: true })) as {
      accountId: string;
    };
    const before = Date.now();
    const res = await control<{ fired: number }>(emu, "POST", `/accounts/${accountId}/attendances/fire`, {
      count: 60,
      withinDays: 10,
    });
    expect(res.body.fired).toBe(60);
    const ends = emu.state.attendances.filter((a) => a.accountId === accountId).map((a) => a.entry.endTime);
    for (const end of ends) {
      expect(end).toBeGreaterThanOrEqual(before - 10 * DAY);
      expect(end).toBeLessThanOrEqual(Date.now());
    }
    expect(Math.max(...ends) - Math.min(...ends)).toBeGreaterThan(3 * DAY);
    const cut = before - 5 * DAY;
    const recent = ZSatisfactionListResponse.parse(
      await vendor(`/account/${accountId}/satisfaction/by-date`, { start: cut, end: Date.now() }),
    );
    expect(recent.data.map((e) => e.attendanceNumber).sort()).toEqual(
      emu.state.attendances
        .filter((a) => a.accountId === accountId && a.entry.endTime >= cut)
        .map((a) => a.entry.attendanceNumber)
        .sort(),
    );
    const bad = await control(emu, "POST", `/accounts/${accountId}/attendances/fire`, { count: 1, withinDays: 400 });
    expect(bad.status).toBe(400);
  });
});
