import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/server/db/schema";
import type { Db } from "@/server/db/client";
import { createMember, type TestMember } from "../helpers/context";
import { createTestDb, testDbKinds } from "../helpers/db";
import { appCodeOf } from "../helpers/outcome";
import { teamCaller } from "./helpers";

describe.each(testDbKinds())("team audit log (%s)", (kind) => {
  let db: Db;
  let close: () => Promise<void>;
  let owner: TestMember;
  let stranger: TestMember;

  beforeAll(async () => {
    const handle = await createTestDb(kind);
    db = handle.db;
    close = handle.close;
    owner = await createMember(db, { role: "owner" });
    stranger = await createMember(db, { role: "owner" });
    const base = new Date("2026-03-10T12:00:00Z").getTime();
    const rows = Array.from({ length: 60 }, (_, i) => ({
      organizationId: owner.organizationId,
      actorUserId: owner.session.userId,
      action: i % 3 === 0 ? "operator.create" : "department.update",
      targetType: i % 3 === 0 ? "operator" : "department",
      targetId: `t${i}`,
      result: (i % 10 === 0 ? "failure" : "success") as "failure" | "success",
      details: { n: i },
      createdAt: new Date(base + i * 60 * 60 * 1000),
    }));
    await db.insert(auditLog).values(rows);
    await db.insert(auditLog).values({
      organizationId: stranger.organizationId,
      action: "operator.create",
      targetType: "operator",
      result: "success",
    });
  });
  afterAll(async () => close());

  it("admins page through their organization's entries, newest first", async () => {
    const admin = await createMember(db, { role: "admin", organizationId: owner.organizationId });
    const { caller } = teamCaller(db, admin);
    const first = await caller.audit.list({ page: 1, pageSize: 25 });
    expect(first.total).toBe(60);
    expect(first.items).toHaveLength(25);
    expect(first.items[0]!.details).toEqual({ n: 59 });
    expect(first.items[0]!.actorName).toBe("Test User");
    const third = await caller.audit.list({ page: 3, pageSize: 25 });
    expect(third.items).toHaveLength(10);
    expect(await caller.audit.actions()).toEqual(["department.update", "operator.create"]);
  });

  it("filters by action, result and date range", async () => {
    const { caller } = teamCaller(db, owner);
    expect((await caller.audit.list({ action: "operator.create" })).total).toBe(20);
    expect((await caller.audit.list({ result: "failure" })).total).toBe(6);
    expect((await caller.audit.list({ action: "operator.create", result: "failure" })).total).toBe(2);
    // 2026-03-10 12:00Z is 09:00 in Brasília: that day holds hours 09..23 → 15 entries.
    expect((await caller.audit.list({ from: "2026-03-10", to: "2026-03-10" })).total).toBe(15);
    expect((await caller.audit.list({ from: "2026-03-11" })).total).toBe(45);
  });

  it("members are FORBIDDEN; another organization sees none of these", async () => {
    const member = await createMember(db, { role: "member", organizationId: owner.organizationId });
    expect(await appCodeOf(teamCaller(db, member).caller.audit.list({}))).toBe("FORBIDDEN");
    expect(await appCodeOf(teamCaller(db, member).caller.audit.actions())).toBe("FORBIDDEN");
    const other = await teamCaller(db, stranger).caller.audit.list({});
    expect(other.total).toBe(1);
    expect(await appCodeOf(teamCaller(db, null).caller.audit.list({}))).toBe("UNAUTHENTICATED");
  });

  it("rejects out-of-bounds input", async () => {
    const { caller } = teamCaller(db, owner);
    expect(await appCodeOf(caller.audit.list({ page: 0 }))).toBe("BAD_REQUEST");
    expect(await appCodeOf(caller.audit.list({ from: "10/03/2026" }))).toBe("BAD_REQUEST");
  });
});
