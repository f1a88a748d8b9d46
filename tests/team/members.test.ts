import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invitations, memberships, operators, organizations } from "@/server/db/schema";
import type { Db } from "@/server/db/client";
import { createMember, type TestMember } from "../helpers/context";
import { createTestDb, testDbKinds } from "../helpers/db";
import { appCodeOf } from "../helpers/outcome";
import { teamCaller } from "./helpers";

const tokenOf = (path: string) => path.replace("/invite/", "");

describe.each(testDbKinds())("team members and invitations (%s)", (kind) => {
  let db: Db;
  let close: () => Promise<void>;
  let owner: TestMember;
  let orgId: string;

  beforeAll(async () => {
    const handle = await createTestDb(kind);
    db = handle.db;
    close = handle.close;
    owner = await createMember(db, { role: "owner" });
    orgId = owner.organizationId;
  });
  afterAll(async () => close());

  async function member(role: "owner" | "admin" | "member", organizationId = orgId) {
    return createMember(db, { role, organizationId });
  }

  describe("role matrix", () => {
    it("members read the team but every change is FORBIDDEN", async () => {
      const m = await member("member");
      const other = await member("member");
      const { caller } = teamCaller(db, m);
      const list = await caller.members.list();
      expect(list.myRole).toBe("member");
      expect(list.members.map((x) => x.email)).toContain(m.session.email);
      const target = list.members.find((x) => x.email === other.session.email)!.membershipId;
      expect(await appCodeOf(caller.invitations.list())).toBe("FORBIDDEN");
      expect(await appCodeOf(caller.invitations.create({ email: "x@example.com", role: "member" }))).toBe("FORBIDDEN");
      expect(await appCodeOf(caller.invitations.revoke({ id: target }))).toBe("FORBIDDEN");
      expect(await appCodeOf(caller.members.changeRole({ membershipId: target, role: "admin" }))).toBe("FORBIDDEN");
      expect(await appCodeOf(caller.members.removeMember({ membershipId: target }))).toBe("FORBIDDEN");
      expect(await appCodeOf(caller.members.transferOwnership({ membershipId: target }))).toBe("FORBIDDEN");
      expect(await appCodeOf(caller.members.linkOperator({ membershipId: target, operatorId: null }))).toBe(
        "FORBIDDEN",
      );
      expect(await appCodeOf(caller.operators.options({ search: "" }))).toBe("FORBIDDEN");
    });

    it("admins invite, revoke, change roles, remove and link; cannot transfer ownership or touch an owner", async () => {
      const a = await member("admin");
      const m = await member("member");
      const { caller } = teamCaller(db, a);
      const list = await caller.members.list();
      const idOf = (email: string) => list.members.find((x) => x.email === email)!.membershipId;
      const inv = await caller.invitations.create({ email: "Nova.Pessoa@Example.com", role: "member" });
      expect(inv.path).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);
      const pending = await caller.invitations.list();
      expect(pending.map((p) => p.email)).toContain("nova.pessoa@example.com");
      await caller.invitations.revoke({ id: inv.id });
      expect((await caller.invitations.list()).map((p) => p.id)).not.toContain(inv.id);

      await caller.members.changeRole({ membershipId: idOf(m.session.email), role: "admin" });
      await caller.members.changeRole({ membershipId: idOf(m.session.email), role: "member" });
      await caller.members.linkOperator({ membershipId: idOf(m.session.email), operatorId: null });
      expect(
        await appCodeOf(caller.members.changeRole({ membershipId: idOf(owner.session.email), role: "member" })),
      ).toBe("FORBIDDEN");
      expect(await appCodeOf(caller.members.removeMember({ membershipId: idOf(owner.session.email) }))).toBe(
        "FORBIDDEN",
      );
      expect(await appCodeOf(caller.members.transferOwnership({ membershipId: idOf(m.session.email) }))).toBe(
        "FORBIDDEN",
      );
      await caller.members.removeMember({ membershipId: idOf(m.session.email) });
      // Removal takes effect at the next request of the removed person.
      expect(await appCodeOf(teamCaller(db, m).caller.members.list())).toBe("FORBIDDEN");
    });

    it("owners do everything, including transferring ownership", async () => {
      const o = await createMember(db, { role: "owner" });
      const other = await member("admin", o.organizationId);
      const { caller } = teamCaller(db, o);
      const list = await caller.members.list();
      const otherId = list.members.find((x) => x.email === other.session.email)!.membershipId;
      await caller.invitations.create({ email: "x1@example.com", role: "admin" });
      await caller.members.changeRole({ membershipId: otherId, role: "member" });
      await caller.members.transferOwnership({ membershipId: otherId });
      const after = await teamCaller(db, other).caller.members.list();
      expect(after.myRole).toBe("owner");
      expect(after.members.find((x) => x.email === o.session.email)!.role).toBe("admin");
      // The former owner is an admin now: transferring again is refused.
      expect(await appCodeOf(caller.members.transferOwnership({ membershipId: otherId }))).toBe("FORBIDDEN");
    });

    it("anonymous callers are UNAUTHENTICATED", async () => {
      const { caller } = teamCaller(db, null);
      expect(await appCodeOf(caller.members.list())).toBe("UNAUTHENTICATED");
      expect(await appCodeOf(caller.invitations.create({ email: "a@example.com", role: "member" }))).toBe(
        "UNAUTHENTICATED",
      );
    });
  });

  describe("the last owner", () => {
    it("cannot be demoted, removed or leave; with a second owner they can", async () => {
      const o = await createMember(db, { role: "owner" });
      const { caller } = teamCaller(db, o);
      const me = (await caller.members.list()).myMembershipId;
      expect(await appCodeOf(caller.members.changeRole({ membershipId: me, role: "admin" }))).toBe("LAST_OWNER");
      expect(await appCodeOf(caller.members.removeMember({ membershipId: me }))).toBe("LAST_OWNER");
      expect(await appCodeOf(caller.members.leave())).toBe("LAST_OWNER");

      const second = await createMember(db, { role: "owner", organizationId: o.organizationId });
      await caller.members.changeRole({ membershipId: me, role: "admin" });
      const secondCaller = teamCaller(db, second).caller;
      expect(await appCodeOf(secondCaller.members.leave())).toBe("LAST_OWNER");
      await caller.members.leave();
      const rows = await db.select().from(memberships).where(eq(memberships.organizationId, o.organizationId));
      expect(rows.map((r) => r.role)).toEqual(["owner"]);
    });
  });

  describe("other organizations", () => {
    it("another organization's ids are NOT_FOUND", async () => {
      const stranger = await createMember(db, { role: "owner" });
      const strangerCaller = teamCaller(db, stranger).caller;
      const strangerMembership = (await strangerCaller.members.list()).myMembershipId;
      const inv = await strangerCaller.invitations.create({ email: "alheio@example.com", role: "member" });
      const [op] = await db
        .insert(operators)
        .values({ organizationId: stranger.organizationId, name: "Op alheio" })
        .returning();

      const { caller } = teamCaller(db, owner);
      const myId = (await caller.members.list()).myMembershipId;
      expect(await appCodeOf(caller.members.changeRole({ membershipId: strangerMembership, role: "member" }))).toBe(
        "NOT_FOUND",
      );
      expect(await appCodeOf(caller.members.removeMember({ membershipId: strangerMembership }))).toBe("NOT_FOUND");
      expect(await appCodeOf(caller.members.linkOperator({ membershipId: strangerMembership, operatorId: null }))).toBe(
        "NOT_FOUND",
      );
      expect(await appCodeOf(caller.members.linkOperator({ membershipId: myId, operatorId: op!.id }))).toBe(
        "NOT_FOUND",
      );
      expect(await appCodeOf(caller.invitations.revoke({ id: inv.id }))).toBe("NOT_FOUND");
      expect(await appCodeOf(caller.members.transferOwnership({ membershipId: strangerMembership }))).toBe("NOT_FOUND");
      // Claiming to act for the other organization is refused outright.
      expect(await appCodeOf(teamCaller(db, owner, stranger.organizationId).caller.members.list())).toBe("FORBIDDEN");
    });
  });

  describe("linking a member to an operator", () => {
    it("links, moves and unlinks", async () => {
      const m = await member("member");
      const [op1, op2] = await db
        .insert(operators)
        .values([
          { organizationId: orgId, name: "Ana Operadora" },
          { organizationId: orgId, name: "Bruno Operador" },
        ])
        .returning();
      const { caller } = teamCaller(db, owner);
      const mid = (await caller.members.list()).members.find((x) => x.email === m.session.email)!.membershipId;
      expect((await caller.operators.options({ search: "ana" })).map((o) => o.name)).toEqual(["Ana Operadora"]);
      await caller.members.linkOperator({ membershipId: mid, operatorId: op1!.id });
      await caller.members.linkOperator({ membershipId: mid, operatorId: op2!.id });
      const seen = (await teamCaller(db, m).caller.members.list()).members.find((x) => x.email === m.session.email)!;
      expect(seen.operator?.name).toBe("Bruno Operador");
      const [again1] = await db.select().from(operators).where(eq(operators.id, op1!.id));
      expect(again1!.userId).toBeNull();
      await caller.members.linkOperator({ membershipId: mid, operatorId: null });
      const [again2] = await db.select().from(operators).where(eq(operators.id, op2!.id));
      expect(again2!.userId).toBeNull();
    });
  });

  describe("invitations", () => {
    it("a new person joins with name and password, gets a session, and the link cannot be reused", async () => {
      const inv = await teamCaller(db, owner).caller.invitations.create({ email: "joana@example.com", role: "admin" });
      const anon = teamCaller(db, null);
      const preview = await anon.caller.invitations.preview({ token: tokenOf(inv.path) });
      expect(preview).toMatchObject({ email: "joana@example.com", role: "admin", accountExists: false });
      expect(await appCodeOf(anon.caller.invitations.accept({ token: tokenOf(inv.path) }))).toBe("VALIDATION");
      const res = await anon.caller.invitations.accept({
        token: tokenOf(inv.path),
        name: "Joana Lima",
        password: "uma senha bem comprida",
      });
      expect(res.organizationId).toBe(orgId);
      expect(anon.cookies.map((c) => c.name)).toEqual(expect.arrayContaining(["portal.session", "portal.org"]));
      const roles = (await teamCaller(db, owner).caller.members.list()).members.filter(
        (x) => x.email === "joana@example.com",
      );
      expect(roles.map((r) => r.role)).toEqual(["admin"]);
      const again = teamCaller(db, null).caller;
      expect(
        await appCodeOf(
          again.invitations.accept({ token: tokenOf(inv.path), name: "Outra", password: "uma senha bem comprida" }),
        ),
      ).toBe("INVITATION_USED");
      expect(await appCodeOf(again.invitations.preview({ token: tokenOf(inv.path) }))).toBe("INVITATION_USED");
    });

    it("an expired invitation is refused; a revoked or unknown one is INVITATION_INVALID", async () => {
      const { caller } = teamCaller(db, owner);
      const inv = await caller.invitations.create({ email: "atrasado@example.com", role: "member" });
      await db
        .update(invitations)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(invitations.id, inv.id));
      const anon = teamCaller(db, null).caller;
      expect(await appCodeOf(anon.invitations.preview({ token: tokenOf(inv.path) }))).toBe("INVITATION_EXPIRED");
      expect(
        await appCodeOf(
          anon.invitations.accept({ token: tokenOf(inv.path), name: "Atrasado", password: "uma senha bem comprida" }),
        ),
      ).toBe("INVITATION_EXPIRED");
      expect((await caller.invitations.list()).find((i) => i.id === inv.id)?.expired).toBe(true);

      const inv2 = await caller.invitations.create({ email: "cancelado@example.com", role: "member" });
      await caller.invitations.revoke({ id: inv2.id });
      expect(await appCodeOf(anon.invitations.preview({ token: tokenOf(inv2.path) }))).toBe("INVITATION_INVALID");
      expect(await appCodeOf(anon.invitations.preview({ token: "A".repeat(43) }))).toBe("INVITATION_INVALID");
      // Re-inviting the same e-mail replaces the open invitation.
      const inv3 = await caller.invitations.create({ email: "dupla@example.com", role: "member" });
      const inv4 = await caller.invitations.create({ email: "dupla@example.com", role: "admin" });
      expect(await appCodeOf(anon.invitations.preview({ token: tokenOf(inv3.path) }))).toBe("INVITATION_INVALID");
      expect((await anon.invitations.preview({ token: tokenOf(inv4.path) })).role).toBe("admin");
    });

    it("an existing account accepts while signed in with the invited e-mail; another account is refused", async () => {
      const other = await createMember(db, { role: "owner" });
      const { caller } = teamCaller(db, owner);
      expect(await appCodeOf(caller.invitations.create({ email: owner.session.email, role: "member" }))).toBe(
        "ALREADY_MEMBER",
      );
      const inv = await caller.invitations.create({ email: other.session.email, role: "member" });
      const token = tokenOf(inv.path);
      expect((await teamCaller(db, null).caller.invitations.preview({ token })).accountExists).toBe(true);
      expect(
        await appCodeOf(
          teamCaller(db, null).caller.invitations.accept({ token, name: "Nome", password: "uma senha bem comprida" }),
        ),
      ).toBe("INVITATION_SIGN_IN");
      const stranger = await createMember(db, { role: "owner" });
      expect(await appCodeOf(teamCaller(db, stranger).caller.invitations.accept({ token }))).toBe(
        "INVITATION_EMAIL_MISMATCH",
      );
      const accepted = teamCaller(db, other);
      expect((await accepted.caller.invitations.accept({ token })).organizationId).toBe(orgId);
      const rows = await db.select().from(memberships).where(eq(memberships.userId, other.session.userId));
      expect(rows.map((r) => r.organizationId).sort()).toEqual([other.organizationId, orgId].sort());
      const [org] = await db.select().from(organizations).where(eq(organizations.id, orgId));
      expect(org).toBeDefined();
    });
  });
});
