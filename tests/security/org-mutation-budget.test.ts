/**
 * Expensive actions are rate-limited per organization: every mutation of an organization
 * spends from a per-minute budget (RATE_LIMIT_ORG_MUTATIONS_PER_MINUTE); once spent, the
 * next one is refused with RATE_LIMITED before any work, other organizations are unaffected,
 * and queries are never counted.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { RATE_LIMITS } from "@/server/security/rate-limit";

// A small budget for this file (read when the rate-limit module loads, hence hoisted).
vi.hoisted(() => {
  process.env.RATE_LIMIT_ORG_MUTATIONS_PER_MINUTE = "20";
});
import { callerFor, createMember } from "../helpers/context";
import { createTestDb } from "../helpers/db";
import { appCodeOf } from "../helpers/outcome";

describe("per-organization mutation budget", () => {
  let handle: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    handle = await createTestDb("pglite");
  });
  afterAll(async () => handle?.close());

  it("refuses the organization's mutations past the budget, with minutes to wait, and only that organization's", async () => {
    const budget = RATE_LIMITS.orgMutations.points;
    expect(budget).toBe(20);
    const busy = await createMember(handle.db, { role: "owner" });
    const other = await createMember(handle.db, { role: "owner" });
    const caller = callerFor({ db: handle.db, member: busy });
    // A mutation that needs no vendor: an invitation (each one counts, whatever its outcome).
    const spend = () =>
      caller.invitations
        .create({ email: `x${Math.random().toString(36).slice(2)}@example.com`, role: "member" })
        .catch(() => undefined);
    for (let i = 0; i < budget; i++) await spend();
    for (let i = 0; i < 5; i++) await caller.me.get(); // queries are free
    expect(await appCodeOf(caller.invitations.create({ email: "one.more@example.com", role: "member" }))).toBe(
      "RATE_LIMITED",
    );
    // Another organization still has its whole budget.
    const otherCaller = callerFor({ db: handle.db, member: other });
    await expect(otherCaller.invitations.create({ email: "fine@example.com", role: "member" })).resolves.toBeDefined();
  });
});
