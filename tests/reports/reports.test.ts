/**
 * Relatórios against the emulator over HTTP: attendances fired at an account (spread over the
 * last days) are what reports.satisfaction counts per day, per star and per operator; the
 * operator filter goes through by-operator, the lookup through by-ticket; members read (masked
 * phones); a cached answer spares the chat; a failing chat gives the last answer with its age,
 * or the mapped error when there is none. PGlite, and Postgres when TEST_DATABASE_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlugchatEmulator } from "@/emulators/plugchat";
import { brasiliaDay, presetRange } from "@/lib/reports/range";
import type { DbHandle } from "@/server/db/client";
import { operators } from "@/server/db/schema";
import { createChatProvider } from "@/server/providers";
import type { ChatProvider } from "@/server/providers/types";
import { createReportCache } from "@/server/reports/cache";
import { loadSatisfactionReport } from "@/server/reports/satisfaction";
import { callerFor, createMember, type TestMember } from "../helpers/context";
import { createTestDb, testDbKinds } from "../helpers/db";
import { appCodeOf, trpcCodeOf } from "../helpers/outcome";
import { linkAccount, startWebhookReceiver } from "../attendances/helpers";
import { addFault, control, startEmulator, TOKEN } from "../vendor/helpers";

const BY_DATE = "POST /account/:id/satisfaction/by-date";

describe.each(testDbKinds())("satisfaction reports from the emulator on %s", (kind) => {
  let handle: DbHandle;
  let emu: PlugchatEmulator;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let provider: ChatProvider;
  let owner: TestMember;
  let member: TestMember;
  let stranger: TestMember;
  let accountId: string;
  const range = presetRange(30);
  const localOperator = new Map<string, string>(); // vendor id → portal id

  const fired = () => emu.state.attendances.filter((a) => a.accountId === accountId).map((a) => a.entry);

  beforeAll(async () => {
    handle = await createTestDb(kind);
    emu = await startEmulator();
    receiver = await startWebhookReceiver(handle.db);
    provider = createChatProvider({ baseUrl: emu.baseUrl, token: TOKEN, timeoutMs: 2_000 });
    owner = await createMember(handle.db, { role: "owner" });
    member = await createMember(handle.db, { role: "member", organizationId: owner.organizationId });
    stranger = await createMember(handle.db, { role: "owner" });
    ({ accountId } = await linkAccount(handle.db, emu, owner.organizationId, receiver.origin));
    for (const op of Object.values(emu.state.operators).filter((o) => o.accountId === accountId)) {
      const [row] = await handle.db
        .insert(operators)
        .values({ organizationId: owner.organizationId, vendorId: op.id, name: op.name, state: "synced" })
        .returning({ id: operators.id });
      localOperator.set(op.id, row!.id);
    }
    const res = await control<{ fired: number }>(emu, "POST", `/accounts/${accountId}/attendances/fire`, {
      count: 40,
      withinDays: 20,
    });
    expect(res.body.fired).toBe(40);
  }, 180_000);
  afterAll(async () => {
    await receiver.close();
    await emu.close();
    await handle.close();
  });

  const as = (m: TestMember | null, p: ChatProvider = provider) => callerFor({ db: handle.db, member: m, provider: p });

  it("counts what was fired: totals, every day of the period, the stars and each operator", async () => {
    const entries = fired();
    expect(new Set(entries.map((e) => brasiliaDay(e.endTime))).size).toBeGreaterThan(5);
    const report = await as(member).reports.satisfaction(range);
    expect(report.stale).toBe(false);
    expect(report.totals.attendances).toBe(40);
    expect(report.totals.rated).toBe(40);
    const ratings = entries.map((e) => e.ratingValue!);
    expect(report.totals.average).toBeCloseTo(ratings.reduce((a, b) => a + b, 0) / 40, 10);
    expect(report.perDay).toHaveLength(30);
    for (const day of report.perDay) {
      expect(day.attendances).toBe(entries.filter((e) => brasiliaDay(e.endTime) === day.day).length);
    }
    expect(report.distribution.stars).toEqual([1, 2, 3, 4, 5].map((s) => ratings.filter((r) => r === s).length));
    expect(report.distribution.unrated).toBe(0);
    const byOperator = new Map<string, number>();
    for (const e of entries)
      for (const o of e.operatorsData ?? []) byOperator.set(o.name, (byOperator.get(o.name) ?? 0) + 1);
    expect(Object.fromEntries(report.perOperator.map((o) => [o.name, o.attendances]))).toEqual(
      Object.fromEntries(byOperator),
    );
  });

  it("one operator's report goes through by-operator and counts only theirs", async () => {
    const [vendorId, portalId] = [...localOperator][0]!;
    const before = emu.requestCount("POST /account/:id/satisfaction/by-operator");
    const report = await as(owner).reports.satisfaction({ ...range, operator: portalId });
    expect(emu.requestCount("POST /account/:id/satisfaction/by-operator")).toBe(before + 1);
    expect(report.totals.attendances).toBe(fired().filter((e) => e.operators?.[vendorId] === true).length);
    expect(report.perOperator.map((o) => o.id)).toEqual([vendorId]);
    // An operator id of no operator here: the same answer as another organization's.
    expect(await appCodeOf(as(owner).reports.satisfaction({ ...range, operator: crypto.randomUUID() }))).toBe(
      "NOT_FOUND",
    );
  });

  it("rows: newest first, full phones for the owner, masked for a member", async () => {
    const own = await as(owner).reports.rows(range);
    const mine = await as(member).reports.rows(range);
    expect(own.entries).toHaveLength(40);
    const ends = own.entries.map((e) => e.endTime!);
    expect(ends).toEqual([...ends].sort((a, b) => b - a));
    for (const e of own.entries) expect(e.customerPhone).toMatch(/^\+55 \d\d 9\d{4}-\d{4}$/);
    for (const e of mine.entries) expect(e.customerPhone).toMatch(/^\+55 \d\d 9····-\d{4}$/);
  });

  it("by ticket: the attendance with that number, or nothing", async () => {
    const target = fired()[7]!;
    const found = await as(member).reports.ticket({ ticket: target.attendanceNumber });
    expect(found).toMatchObject({
      attendanceNumber: target.attendanceNumber,
      customerName: target.customer!.name,
      rating: target.ratingValue,
      endTime: target.endTime,
    });
    expect(found!.customerPhone).toMatch(/····/);
    expect(await as(owner).reports.ticket({ ticket: 999_999 })).toBeNull();
  });

  it("a second visit within the cache time does not ask the chat again", async () => {
    const week = presetRange(7);
    const before = emu.requestCount(BY_DATE);
    await as(owner).reports.satisfaction(week);
    await as(member).reports.satisfaction(week);
    await as(owner).reports.rows(week);
    expect(emu.requestCount(BY_DATE)).toBe(before + 1);
  });

  it("the chat failing: the last answer, marked stale with why; none cached: the mapped error", async () => {
    const cache = createReportCache();
    const input = { range: presetRange(90) };
    const first = await loadSatisfactionReport(handle.db, provider, owner.organizationId, input, {
      now: 1_000,
      cache,
      ttlMs: 60_000,
    });
    await addFault(emu, { path: "/satisfaction/", kind: "status", status: 503 });
    try {
      // Within the cache time the chat is not asked at all.
      const cached = await loadSatisfactionReport(handle.db, provider, owner.organizationId, input, {
        now: 30_000,
        cache,
        ttlMs: 60_000,
      });
      expect(cached).toMatchObject({ stale: false, fetchedAt: 1_000 });
      const stale = await loadSatisfactionReport(handle.db, provider, owner.organizationId, input, {
        now: 720_000,
        cache,
        ttlMs: 60_000,
      });
      expect(stale).toMatchObject({ stale: true, failure: "VENDOR_UNAVAILABLE", fetchedAt: 1_000 });
      expect(stale.entries).toEqual(first.entries);
      // Through the API, with nothing cached for that period: BAD_GATEWAY, VENDOR_UNAVAILABLE.
      const call = as(owner).reports.satisfaction({ from: "2025-01-01", to: "2025-01-31" });
      expect(await trpcCodeOf(call)).toBe("BAD_GATEWAY");
      expect(await appCodeOf(as(owner).reports.satisfaction({ from: "2025-01-01", to: "2025-01-31" }))).toBe(
        "VENDOR_UNAVAILABLE",
      );
    } finally {
      await control(emu, "DELETE", "/faults");
    }
    const again = await loadSatisfactionReport(handle.db, provider, owner.organizationId, input, {
      now: 800_000,
      cache,
      ttlMs: 60_000,
    });
    expect(again).toMatchObject({ stale: false, failure: null, fetchedAt: 800_000 });
  });

  it("refuses strangers, anonymous callers, bad periods, and a chat without satisfaction surveys", async () => {
    expect(await appCodeOf(as(null).reports.satisfaction(range))).toBe("UNAUTHENTICATED");
    expect(await appCodeOf(as(stranger, provider).reports.satisfaction(range))).toBe("ACCOUNT_MISSING");
    expect(
      await appCodeOf(
        callerFor({ db: handle.db, member: stranger, provider, orgHint: owner.organizationId }).reports.rows(range),
      ),
    ).toBe("FORBIDDEN");
    expect(await trpcCodeOf(as(owner).reports.satisfaction({ from: range.to, to: range.from }))).toBe("BAD_REQUEST");
    expect(await trpcCodeOf(as(owner).reports.satisfaction({ from: "2020-01-01", to: "2026-01-01" }))).toBe(
      "BAD_REQUEST",
    );
    const cdpLike: ChatProvider = { ...provider, capabilities: { ...provider.capabilities, satisfaction: false } };
    expect(await appCodeOf(as(owner, cdpLike).reports.satisfaction(range))).toBe("NOT_SUPPORTED");
    expect(await appCodeOf(as(owner, cdpLike).reports.ticket({ ticket: 1 }))).toBe("NOT_SUPPORTED");
  });
});
