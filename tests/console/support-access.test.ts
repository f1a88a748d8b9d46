/**
 * Acesso de suporte on every test database: an owner grants 1 to 72 hours (audited); platform
 * staff with two-factor then see the organization read-only — every mutation refused by the
 * middleware, the chat's operator token refused — until the owner revokes it or it expires
 * (time moved with an injected clock: the expiry is read on every request). No grant, no staff
 * flag or no two-factor: nothing at all.
 */
import { randomBytes } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createCaller } from "@/server/api/root";
import { createContextInner } from "@/server/api/trpc";
import { resolveSessionAndScope } from "@/server/auth/session";
import type { Db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import type { ChatProvider } from "@/server/providers/types";
import { callerFor, createMember, type TestMember } from "../helpers/context";
import { testDbKinds } from "../helpers/db";
import { startEmulatedPortal, type EmulatedPortal } from "../helpers/emulated";
import { createStaff } from "./helpers";

async function appCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    if (e.cause instanceof AppError) return e.cause.info.code;
    if (e.code === "BAD_REQUEST") return "VALIDATION";
    throw e;
  }
}

describe.each(testDbKinds())("support access (%s)", (kind) => {
  let portal: EmulatedPortal;
  let db: Db;
  let provider: ChatProvider;

  beforeAll(async () => {
    portal = await startEmulatedPortal(kind, "support-test-token", { timeoutMs: 5_000 });
    ({ db, provider } = portal);
  });
  afterEach(() => vi.useRealTimers());
  afterAll(async () => portal?.close());

  /** Staff acting for the customer's organization (the portal.org cookie / header names it). */
  const asSupport = (staff: TestMember, organizationId: string) =>
    callerFor({ db, member: staff, orgHint: organizationId, provider });

  it("grant → read-only look, mutations and the chat token refused, revoke ends it at once; all in Auditoria", async () => {
    const owner = await createMember(db, { role: "owner" });
    const admin = await createMember(db, { role: "admin", organizationId: owner.organizationId });
    const staff = await createStaff(db, { name: "Ana Plataforma" });
    const ownerCaller = callerFor({ db, member: owner, provider });
    const support = asSupport(staff, owner.organizationId);

    expect(await appCode(support.operators.page({}))).toBe("FORBIDDEN");
    // Only an owner grants, for 1 to 72 hours.
    expect(await appCode(callerFor({ db, member: admin }).supportAccess.grant({ hours: 4 }))).toBe("FORBIDDEN");
    expect(await appCode(ownerCaller.supportAccess.grant({ hours: 0 }))).toBe("VALIDATION");
    expect(await appCode(ownerCaller.supportAccess.grant({ hours: 73 }))).toBe("VALIDATION");
    const grant = await ownerCaller.supportAccess.grant({ hours: 1 });

    // Read-only: pages' queries answer; every change and the chat's credential are refused.
    expect(await appCode(support.operators.page({}))).toBe("ok");
    expect(await appCode(support.members.list())).toBe("ok");
    expect((await support.me.get()).organization.id).toBe(owner.organizationId);
    // The pages are told to hide every change (owners and admins are told the opposite).
    expect((await support.me.get()).canManage).toBe(false);
    expect((await ownerCaller.me.get()).canManage).toBe(true);
    expect((await support.members.list()).canManage).toBe(false);
    expect((await callerFor({ db, member: admin }).members.list()).canManage).toBe(true);
    expect((await support.ura.get()).canEdit).toBe(false);
    expect((await support.plan.get()).canEdit).toBe(false);
    expect((await support.onboarding.get()).canEdit).toBe(false);
    expect((await support.whatsapp.status()).canConnect).toBe(false);
    expect((await ownerCaller.whatsapp.status()).canConnect).toBe(true);
    expect(await appCode(support.departments.create({ name: "Suporte" }))).toBe("SUPPORT_READ_ONLY");
    expect(await appCode(support.members.leave())).toBe("SUPPORT_READ_ONLY");
    expect(await appCode(support.supportAccess.grant({ hours: 72 }))).toBe("SUPPORT_READ_ONLY");
    expect(await appCode(support.chat.session())).toBe("SUPPORT_NO_SECRETS");

    // Every member sees it; the owner ends it and it is over at the very next request.
    const listed = await callerFor({ db, member: admin }).supportAccess.list();
    expect(listed[0]).toMatchObject({ id: grant.id, active: true });
    await ownerCaller.supportAccess.revoke({ id: grant.id });
    expect(await appCode(support.operators.page({}))).toBe("FORBIDDEN");
    expect(await appCode(ownerCaller.supportAccess.revoke({ id: grant.id }))).toBe("NOT_FOUND");

    const { items } = await ownerCaller.audit.list({});
    expect(items.map((i) => i.action)).toEqual(expect.arrayContaining(["support.grant", "support.revoke"]));
    expect(items.find((i) => i.action === "support.grant")?.details).toMatchObject({ hours: 1 });
  });

  it("expiry is checked on every request (injected clock)", async () => {
    const owner = await createMember(db, { role: "owner" });
    const staff = await createStaff(db);
    const grant = await callerFor({ db, member: owner }).supportAccess.grant({ hours: 2 });
    const support = asSupport(staff, owner.organizationId);
    expect(await appCode(support.operators.page({}))).toBe("ok");

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(grant.expiresAt.getTime() - 60_000));
    expect(await appCode(support.operators.page({}))).toBe("ok");
    vi.setSystemTime(new Date(grant.expiresAt.getTime() + 1_000));
    expect(await appCode(support.operators.page({}))).toBe("FORBIDDEN");
    expect((await callerFor({ db, member: owner }).supportAccess.list())[0]).toMatchObject({ active: false });
  });

  it("the HTTP path (session and scope resolved together) falls back to the grant too", async () => {
    const owner = await createMember(db, { role: "owner" });
    const staff = await createStaff(db);
    await callerFor({ db, member: owner }).supportAccess.grant({ hours: 1 });
    // What createFetchContext does: one query for session + membership scope (none: staff is not a member).
    const { scope } = await resolveSessionAndScope(db, undefined, owner.organizationId);
    expect(scope).toBeNull();
    const ctx = createContextInner({
      db,
      session: staff.session,
      orgHint: owner.organizationId,
      orgScope: null,
      clientIp: `10.${randomBytes(3).join(".")}`,
      setCookie: () => undefined,
      provider: () => {
        throw new Error("no provider");
      },
    });
    const caller = createCaller(ctx);
    expect(await appCode(caller.operators.page({}))).toBe("ok");
    expect(await appCode(caller.departments.create({ name: "Financeiro" }))).toBe("SUPPORT_READ_ONLY");
  });

  it("a grant opens nothing to anyone but platform staff with two-factor", async () => {
    const owner = await createMember(db, { role: "owner" });
    await callerFor({ db, member: owner }).supportAccess.grant({ hours: 72 });
    const outsider = await createMember(db, { role: "owner" });
    const staffNoTwoFactor = await createStaff(db, { twoFactor: false });
    expect(await appCode(asSupport(outsider, owner.organizationId).operators.page({}))).toBe("FORBIDDEN");
    expect(await appCode(asSupport(staffNoTwoFactor, owner.organizationId).operators.page({}))).toBe("FORBIDDEN");
    // Another organization's grant is not this one's.
    const staff = await createStaff(db);
    expect(await appCode(asSupport(staff, outsider.organizationId).operators.page({}))).toBe("FORBIDDEN");
  });

  it("a suspended organization: staff under a grant still look; its members do not", async () => {
    const owner = await createMember(db, { role: "owner" });
    const staff = await createStaff(db);
    await callerFor({ db, member: owner }).supportAccess.grant({ hours: 1 });
    await callerFor({ db, member: staff, orgHint: null }).console.customer.suspend({
      organizationId: owner.organizationId,
      reason: "teste",
    });
    expect(await appCode(asSupport(staff, owner.organizationId).operators.page({}))).toBe("ok");
    expect(await appCode(callerFor({ db, member: owner }).operators.page({}))).toBe("ORGANIZATION_SUSPENDED");
  });
});
