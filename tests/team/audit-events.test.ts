/**
 * What the audit log records beyond the chat service: invitations (sent, accepted, cancelled),
 * role changes, removals, leaving, ownership transfers, password changes and resets, two-step
 * verification on and off, name and e-mail changes, and account deletion — each through the
 * real procedure, read back through audit.list as an admin sees it. No entry holds a secret.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetPasswordWithToken } from "@/server/auth/password-reset";
import type { Db } from "@/server/db/client";
import { auditLog, memberships, passwordResets } from "@/server/db/schema";
import { newLinkToken } from "@/server/security/link-tokens";
import { callerFor, createMember, type TestMember } from "../helpers/context";
import { createTestDb, testDbKinds } from "../helpers/db";
import { enrolTwoFactor } from "../helpers/two-factor";
import { teamCaller } from "./helpers";

const PASSWORD = "test password 123456";

describe.each(testDbKinds())("audit log: team and account events (%s)", (kind) => {
  let db: Db;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const handle = await createTestDb(kind);
    db = handle.db;
    close = handle.close;
  });
  afterAll(async () => close());

  /** The organization's entries of `action`, newest first, as audit.list gives them to an owner. */
  async function entries(owner: TestMember, action: string) {
    const { items } = await teamCaller(db, owner).caller.audit.list({ action });
    return items;
  }

  async function team() {
    const owner = await createMember(db, { role: "owner", name: "Maria Souza" });
    const add = (role: "admin" | "member", name: string) =>
      createMember(db, { role, organizationId: owner.organizationId, name });
    return { owner, add };
  }

  async function membershipIdOf(owner: TestMember, email: string) {
    const list = await teamCaller(db, owner).caller.members.list();
    return list.members.find((m) => m.email === email)!.membershipId;
  }

  it("invitations: sent, cancelled and accepted, with the address and the role", async () => {
    const { owner } = await team();
    const { caller } = teamCaller(db, owner);
    const first = await caller.invitations.create({ email: "cancelada@example.com", role: "admin" });
    await caller.invitations.revoke({ id: first.id });
    const second = await caller.invitations.create({ email: "ana.nova@example.com", role: "member" });
    await teamCaller(db, null).caller.invitations.accept({
      token: second.path.replace("/invite/", ""),
      name: "Ana Nova",
      password: "uma senha nova e comprida",
    });

    const sent = await entries(owner, "invitation.create");
    expect(sent.map((e) => e.details)).toEqual([
      { email: "ana.nova@example.com", role: "member" },
      { email: "cancelada@example.com", role: "admin" },
    ]);
    expect(sent[0]).toMatchObject({ actorName: "Maria Souza", actorKind: "user", result: "success" });
    const [revoked] = await entries(owner, "invitation.revoke");
    expect(revoked).toMatchObject({ actorName: "Maria Souza", details: { email: "cancelada@example.com" } });
    const [accepted] = await entries(owner, "invitation.accept");
    // The person who accepted is the actor.
    expect(accepted).toMatchObject({
      actorName: "Ana Nova",
      details: { role: "member", email: "ana.nova@example.com" },
    });
    // The link's token and the new password are nowhere in the log.
    const raw = JSON.stringify(
      await db.select().from(auditLog).where(eq(auditLog.organizationId, owner.organizationId)),
    );
    expect(raw).not.toContain(second.path.replace("/invite/", ""));
    expect(raw).not.toContain("uma senha nova e comprida");
  });

  it("a role change records the person and the role before → after; the same role again records nothing", async () => {
    const { owner, add } = await team();
    const ana = await add("member", "Ana Lima");
    const id = await membershipIdOf(owner, ana.session.email);
    await teamCaller(db, owner).caller.members.changeRole({ membershipId: id, role: "admin" });
    await teamCaller(db, owner).caller.members.changeRole({ membershipId: id, role: "admin" });
    const changes = await entries(owner, "member.change_role");
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      actorName: "Maria Souza",
      targetType: "member",
      details: { name: "Ana Lima", email: ana.session.email, changes: { role: { from: "member", to: "admin" } } },
    });
  });

  it("a removal and a member leaving are recorded with who left and their role", async () => {
    const { owner, add } = await team();
    const removed = await add("member", "Bruno Dias");
    const leaving = await add("admin", "Carla Reis");
    await teamCaller(db, owner).caller.members.removeMember({
      membershipId: await membershipIdOf(owner, removed.session.email),
    });
    await teamCaller(db, leaving).caller.members.leave();
    expect(await entries(owner, "member.remove")).toEqual([
      expect.objectContaining({
        actorName: "Maria Souza",
        details: { name: "Bruno Dias", email: removed.session.email, role: "member" },
      }),
    ]);
    expect(await entries(owner, "member.leave")).toEqual([
      expect.objectContaining({ actorName: "Carla Reis", details: expect.objectContaining({ role: "admin" }) }),
    ]);
  });

  it("an ownership transfer names the new owner", async () => {
    const { owner, add } = await team();
    const next = await add("admin", "Diego Alves");
    await teamCaller(db, owner).caller.members.transferOwnership({
      membershipId: await membershipIdOf(owner, next.session.email),
    });
    const newOwner = { ...next, role: "owner" as const };
    expect(await entries(newOwner, "member.transfer_ownership")).toEqual([
      expect.objectContaining({
        actorName: "Maria Souza",
        details: expect.objectContaining({ name: "Diego Alves", changes: { role: { from: "admin", to: "owner" } } }),
      }),
    ]);
  });

  it("password changes and resets are recorded in each of the person's organizations, without the password", async () => {
    const { owner, add } = await team();
    const person = await add("member", "Elisa Prado");
    // The same person in a second organization.
    const otherOwner = await createMember(db, { role: "owner" });
    await db
      .insert(memberships)
      .values({ organizationId: otherOwner.organizationId, userId: person.session.userId, role: "member" });

    await callerFor({ db, member: person }).me.changePassword({
      currentPassword: PASSWORD,
      newPassword: "uma frase nova e comprida",
    });
    const { token, tokenHash } = newLinkToken();
    await db
      .insert(passwordResets)
      .values({ userId: person.session.userId, tokenHash, expiresAt: new Date(Date.now() + 60_000) });
    await resetPasswordWithToken(db, { token, password: "outra frase nova e longa" });

    for (const org of [owner, otherOwner]) {
      expect(await entries(org, "user.password_change")).toEqual([
        expect.objectContaining({ actorName: "Elisa Prado", targetType: "user", details: {} }),
      ]);
      expect(await entries(org, "user.password_reset")).toEqual([
        expect.objectContaining({ actorName: "Elisa Prado" }),
      ]);
    }
    const raw = JSON.stringify(await db.select().from(auditLog).where(eq(auditLog.actorUserId, person.session.userId)));
    expect(raw).not.toContain("uma frase nova e comprida");
    expect(raw).not.toContain(token);
  });

  it("two-step verification on and off is recorded", async () => {
    const { owner } = await team();
    const twoFactor = await enrolTwoFactor(db, owner);
    await callerFor({ db, member: owner }).twoFactor.disable({ password: PASSWORD, code: twoFactor.nextCode() });
    expect(await entries(owner, "user.two_factor_enable")).toEqual([
      expect.objectContaining({ actorName: "Maria Souza" }),
    ]);
    expect(await entries(owner, "user.two_factor_disable")).toEqual([
      expect.objectContaining({ actorName: "Maria Souza" }),
    ]);
    const raw = JSON.stringify(
      await db.select().from(auditLog).where(eq(auditLog.organizationId, owner.organizationId)),
    );
    expect(raw).not.toContain(twoFactor.secret);
    for (const code of twoFactor.recoveryCodes) expect(raw).not.toContain(code);
  });

  it("a name change records before → after", async () => {
    const { owner } = await team();
    await callerFor({ db, member: owner }).me.updateName({ name: "Maria Souza Lima" });
    expect(await entries(owner, "user.name_change")).toEqual([
      expect.objectContaining({
        actorName: "Maria Souza Lima",
        details: { changes: { name: { from: "Maria Souza", to: "Maria Souza Lima" } } },
      }),
    ]);
  });

  it("a deleted account's entries stay, marked as a deleted account (not the system)", async () => {
    const { owner, add } = await team();
    const gone = await add("admin", "Fábio Nunes");
    await teamCaller(db, gone).caller.invitations.create({ email: "alguem@example.com", role: "member" });
    await callerFor({ db, member: gone }).me.deleteAccount({ password: PASSWORD });
    const [invited] = await entries(owner, "invitation.create");
    expect(invited).toMatchObject({ actorKind: "deleted", actorName: null });
    const [deleted] = await entries(owner, "user.delete");
    expect(deleted).toMatchObject({ actorKind: "deleted", details: { role: "admin" } });
    const rows = await db
      .select({ kind: auditLog.actorKind })
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, owner.organizationId), eq(auditLog.action, "user.delete")));
    expect(rows).toEqual([{ kind: "user" }]);
  });
});
