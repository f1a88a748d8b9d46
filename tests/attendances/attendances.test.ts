import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlugchatEmulator } from "@/emulators/plugchat";
import type { DbHandle } from "@/server/db/client";
import { attendances } from "@/server/db/schema";
import { processPendingWebhooks } from "@/server/webhooks/processor";
import { callerFor, createMember, type TestMember } from "../helpers/context";
import { createTestDb, testDbKinds } from "../helpers/db";
import { trpcCodeOf } from "../helpers/outcome";
import { createStaff } from "../console/helpers";
import { startEmulator } from "../vendor/helpers";
import { fire, linkAccount, startWebhookReceiver } from "./helpers";

interface Fired {
  attendanceNumber: number;
  customer: { name: string; phone: string };
  department: string;
  operator: string | null;
  rating: number;
  startTime: number;
  durationMs: number;
}

/** PostgreSQL's percentile_cont: linear interpolation between the closest ranks. */
function percentileCont(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
/** The Brasília day (UTC−3, no daylight saving) a time falls on: the day the portal files an attendance under. */
const brasiliaDayOf = (at: number) => new Date(at - 3 * 3600_000).toISOString().slice(0, 10);
/**
 * The tiles' figures for these attendances, as the portal should compute them. Attendances end
 * when fired and last up to 25 minutes, so just after midnight in Brasília some started the day
 * before: "today" is computed, not assumed to be all of them.
 */
function expectFigures(
  figures: {
    attendances: number;
    averageRating: number | null;
    averageDurationMs: number | null;
    p90DurationMs: number | null;
  },
  of: Fired[],
) {
  expect(figures.attendances).toBe(of.length);
  if (of.length === 0) {
    expect(figures).toMatchObject({ averageRating: null, averageDurationMs: null, p90DurationMs: null });
    return;
  }
  expect(figures.averageRating).toBeCloseTo(mean(of.map((f) => f.rating)), 6);
  expect(figures.averageDurationMs).toBeCloseTo(mean(of.map((f) => f.durationMs)), 3);
  expect(figures.p90DurationMs).toBeCloseTo(
    percentileCont(
      of.map((f) => f.durationMs),
      0.9,
    ),
    3,
  );
}

describe.each(testDbKinds())("attendances from the emulator's webhooks on %s", (kind) => {
  let handle: DbHandle;
  let emu: PlugchatEmulator;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let owner: TestMember;
  let member: TestMember;
  let stranger: TestMember;
  let fired: Fired[];

  beforeAll(async () => {
    handle = await createTestDb(kind);
    emu = await startEmulator();
    receiver = await startWebhookReceiver(handle.db);
    owner = await createMember(handle.db, { role: "owner" });
    member = await createMember(handle.db, { role: "member", organizationId: owner.organizationId });
    stranger = await createMember(handle.db, { role: "owner" });
    const { accountId } = await linkAccount(handle.db, emu, owner.organizationId, receiver.origin);
    const result = await fire(emu, accountId, 30);
    expect(result.failedDeliveries).toBe(0);
    await processPendingWebhooks(handle.db, 500);
    const departments = new Map(Object.values(emu.state.departments).map((d) => [d.id, d.name]));
    const operators = new Map(Object.values(emu.state.operators).map((o) => [o.id, o.name]));
    fired = emu.state.attendances
      .filter((a) => a.accountId === accountId)
      .map((a) => ({
        attendanceNumber: a.entry.attendanceNumber,
        customer: a.entry.customer as { name: string; phone: string },
        department: departments.get(a.departmentId)!,
        operator: a.entry.finishBy ? (operators.get(a.entry.finishBy) ?? null) : null,
        rating: a.entry.ratingValue!,
        startTime: a.entry.startTime!,
        durationMs: a.entry.endTime - a.entry.startTime!,
      }));
    expect(fired).toHaveLength(30);
    // A fresh embedded database plus 60 deliveries over HTTP: slow on a busy 2-core machine.
  }, 180_000);
  afterAll(async () => {
    await receiver.close();
    await emu.close();
    await handle.close();
  });

  const as = (m: TestMember | null) => callerFor({ db: handle.db, member: m });
  const all = async (m: TestMember, filters: Record<string, unknown> = {}) => {
    const items = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await as(m).attendances.list({ ...filters, ...(cursor ? { cursor } : {}) });
      items.push(...page.items);
      if (!page.nextCursor) return items;
      cursor = page.nextCursor;
    }
  };

  it("lists one finished row per fired attendance, newest first, 25 a page by keyset", async () => {
    const first = await as(owner).attendances.list({});
    expect(first.items).toHaveLength(25);
    expect(first.nextCursor).not.toBeNull();
    const second = await as(owner).attendances.list({ cursor: first.nextCursor! });
    expect(second.items).toHaveLength(5);
    expect(second.nextCursor).toBeNull();
    const items = [...first.items, ...second.items];
    expect(new Set(items.map((i) => i.id)).size).toBe(30);
    const times = items.map((i) => i.startedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const byNumber = new Map(items.map((i) => [i.attendanceNumber, i]));
    for (const f of fired) {
      const row = byNumber.get(f.attendanceNumber)!;
      expect(row).toMatchObject({
        customerName: f.customer.name,
        department: f.department,
        operator: f.operator,
        status: "finished",
        rating: f.rating,
      });
      expect(row.startedAt.getTime()).toBe(f.startTime);
      expect(row.durationMs).toBe(row.finishedAt!.getTime() - row.startedAt.getTime());
      expect(row.messages).toBeGreaterThanOrEqual(2);
      // An owner sees the whole number, formatted.
      const d = f.customer.phone;
      expect(row.phone).toBe(`+55 ${d.slice(2, 4)} ${d.slice(4, 9)}-${d.slice(9)}`);
    }
  });

  it("filters by department, operator, rating and status, and searches by name or phone", async () => {
    for (const department of ["Vendas", "Suporte", "Geral"]) {
      const rows = await all(owner, { department });
      expect(rows.map((r) => r.attendanceNumber).sort()).toEqual(
        fired
          .filter((f) => f.department === department)
          .map((f) => f.attendanceNumber)
          .sort(),
      );
    }
    const ana = await all(owner, { operator: "Ana Lima" });
    expect(ana.length).toBe(fired.filter((f) => f.operator === "Ana Lima").length);
    for (const rating of [1, 5]) {
      expect((await all(owner, { rating })).length).toBe(fired.filter((f) => f.rating === rating).length);
    }
    expect(await all(owner, { status: "open" })).toHaveLength(0);
    expect(await all(owner, { status: "finished" })).toHaveLength(30);

    const target = fired[7]!;
    // Any part of the name, lower-case and without accents.
    const surname = target.customer.name.split(" ")[1]!;
    const bySurname = await all(owner, { q: surname.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase() });
    expect(bySurname.map((r) => r.attendanceNumber)).toContain(target.attendanceNumber);
    for (const r of bySurname) expect(r.customerName).toContain(surname);
    // The phone as a person types it.
    const d = target.customer.phone;
    const byPhone = await all(owner, { q: `(${d.slice(2, 4)}) ${d.slice(4, 9)}-${d.slice(9)}` });
    expect(byPhone.map((r) => r.attendanceNumber)).toEqual([target.attendanceNumber]);

    const today = brasiliaDayOf(Date.now());
    const yesterday = brasiliaDayOf(Date.now() - 24 * 3600_000);
    const startedToday = fired.filter((f) => brasiliaDayOf(f.startTime) === today);
    expect((await all(owner, { from: today, to: today })).map((r) => r.attendanceNumber).sort()).toEqual(
      startedToday.map((f) => f.attendanceNumber).sort(),
    );
    expect(await all(owner, { from: yesterday, to: today })).toHaveLength(30);
    expect(await all(owner, { to: "2020-01-01" })).toHaveLength(0);
  });

  it("masks every phone for a member, on the server", async () => {
    const page = await as(member).attendances.list({ limit: 100 });
    expect(page.phonesMasked).toBe(true);
    expect(page.items).toHaveLength(30);
    for (const row of page.items) {
      const f = fired.find((x) => x.attendanceNumber === row.attendanceNumber)!;
      const d = f.customer.phone;
      expect(row.phone).toBe(`+55 ${d.slice(2, 4)} 9····-${d.slice(-4)}`);
      expect(JSON.stringify(row)).not.toContain(d.slice(4, 9));
    }
    const detail = await as(member).attendances.get({ id: page.items[0]!.id });
    expect(detail.phone).toMatch(/^\+55 \d\d 9····-\d{4}$/);
    const ownerDetail = await as(owner).attendances.get({ id: page.items[0]!.id });
    expect(ownerDetail.phone).toMatch(/^\+55 \d\d \d{5}-\d{4}$/);
    expect(ownerDetail.messages).toBeGreaterThanOrEqual(2);
  });

  it("masks every phone for platform staff under support access too (they are outside the business)", async () => {
    const staff = await createStaff(handle.db);
    await as(owner).supportAccess.grant({ hours: 1 });
    const support = callerFor({ db: handle.db, member: staff, orgHint: owner.organizationId });
    const page = await support.attendances.list({ limit: 100 });
    expect(page.phonesMasked).toBe(true);
    for (const row of page.items) expect(row.phone).toMatch(/^\+55 \d\d 9····-\d{4}$/);
    expect((await support.attendances.get({ id: page.items[0]!.id })).phone).toMatch(/^\+55 \d\d 9····-\d{4}$/);
  });

  it("offers the departments and operators seen as filter choices", async () => {
    const options = await as(member).attendances.options();
    expect(options.departments).toEqual([...new Set(fired.map((f) => f.department))].sort());
    expect(options.operators).toEqual([...new Set(fired.flatMap((f) => (f.operator ? [f.operator] : [])))].sort());
  });

  it("is scoped: anonymous UNAUTHORIZED, another organization sees none and gets NOT_FOUND", async () => {
    expect(await trpcCodeOf(as(null).attendances.list({}))).toBe("UNAUTHORIZED");
    expect(await trpcCodeOf(as(null).attendances.options())).toBe("UNAUTHORIZED");
    const mine = await as(owner).attendances.list({});
    expect((await as(stranger).attendances.list({})).items).toHaveLength(0);
    expect((await as(stranger).attendances.options()).departments).toHaveLength(0);
    expect(await trpcCodeOf(as(stranger).attendances.get({ id: mine.items[0]!.id }))).toBe("NOT_FOUND");
    // Naming the other organization does not help.
    const hinted = callerFor({ db: handle.db, member: stranger, orgHint: owner.organizationId });
    expect(await trpcCodeOf(hinted.attendances.list({}))).toBe("FORBIDDEN");
    expect(await trpcCodeOf(as(owner).attendances.list({ cursor: "bm90LWEtY3Vyc29y" }))).toBe("BAD_REQUEST");
  });

  it("tiles: today and the period — count, average rating, average and p90 duration — from SQL", async () => {
    const tiles = await as(member).attendances.tiles({});
    const today = brasiliaDayOf(Date.now());
    expectFigures(
      tiles.today,
      fired.filter((f) => brasiliaDayOf(f.startTime) === today),
    );
    expectFigures(tiles.period, fired);
    // The period follows the list's filters.
    const suporte = fired.filter((f) => f.department === "Suporte");
    const filtered = await as(owner).attendances.tiles({ department: "Suporte" });
    expect(filtered.period.attendances).toBe(suporte.length);
    if (suporte.length > 0) expect(filtered.period.averageRating).toBeCloseTo(mean(suporte.map((f) => f.rating)), 6);
    const empty = await as(owner).attendances.tiles({ from: "2020-01-01", to: "2020-01-31" });
    expect(empty.period).toEqual({
      attendances: 0,
      averageRating: null,
      averageDurationMs: null,
      p90DurationMs: null,
      from: "2020-01-01",
      to: "2020-01-31",
    });
    expect((await as(stranger).attendances.tiles({})).today.attendances).toBe(0);
    expect(await trpcCodeOf(as(null).attendances.tiles({}))).toBe("UNAUTHORIZED");
  });

  it("is idempotent: a second processing run adds nothing", async () => {
    const before = await handle.db.select().from(attendances);
    await processPendingWebhooks(handle.db, 500);
    expect(await handle.db.select().from(attendances)).toHaveLength(before.length);
  });
});
