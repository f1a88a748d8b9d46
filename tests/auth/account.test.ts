/**
 * Minha conta: one's own name, a new password that must differ from the current one, and
 * deleting the account — never leaving an organization without an owner, every session ended,
 * the audit trail kept.
 */
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyCredentials } from "@/server/auth/accounts";
import { encodeSessionToken, openSession, resolveSession } from "@/server/auth/session";
import type { DbHandle } from "@/server/db/client";
import { auditLog, memberships, users } from "@/server/db/schema";
import { callerFor, callerWithCookies, createMember, type TestMember } from "../helpers/context";
import { createTestDb, testDbKinds } from "../helpers/db";
import { appCodeOf, outcomeOf } from "../helpers/outcome";
import { enrolTwoFactor } from "../helpers/two-factor";

const PASSWORD = "test password 123456";

describe.each(testDbKinds())("Minha conta on %s", (kind) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb(kind);
  });
  afterAll(async () => {
    await handle.close();
  });

  const caller = (member: TestMember) => callerFor({ db: handle.db, member });
  const userRow = async (id: string) => (await handle.db.select().from(users).where(eq(users.id, id)))[0];

  describe("name", () => {
    it("changes the name the session and the team see", async () => {
      const member = await createMember(handle.db, { name: "Maria Souza" });
      expect(await caller(member).me.updateName({ name: "  Maria Souza Lima " })).toEqual({ name: "Maria Souza Lima" });
      expect((await userRow(member.session.userId))?.name).toBe("Maria Souza Lima");
      const cookie = await encodeSessionToken(
        { id: member.session.userId, email: member.session.email, name: "Maria Souza" },
        member.session.sessionId,
      );
      expect((await resolveSession(handle.db, cookie))?.name).toBe("Maria Souza Lima");
    });

    it("refuses a name that breaks the rules, next to the field", async () => {
      const member = await createMember(handle.db);
      const error = await caller(member)
        .me.updateName({ name: "A" })
        .catch((e: unknown) => e);
      expect((error as TRPCError).code).toBe("BAD_REQUEST");
      expect(await appCodeOf(caller(member).me.updateName({ name: "Nome\u0000oculto" }))).toBe("BAD_REQUEST");
      expect((await userRow(member.session.userId))?.name).toBe("Test User");
    });
  });

  describe("password", () => {
    it("refuses a new password equal to the current one, on the new password's field", async () => {
      const member = await createMember(handle.db);
      const error = await caller(member)
        .me.changePassword({ currentPassword: PASSWORD, newPassword: PASSWORD })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("BAD_REQUEST");
      const cause = (error as TRPCError).cause as { issues?: Array<{ path: string[]; message: string }> };
      expect(cause.issues?.map((i) => [i.path.join("."), i.message])).toEqual([
        ["newPassword", "validation.passwordSameAsCurrent"],
      ]);
      expect(await verifyCredentials(handle.db, member.session.email, PASSWORD)).toBeTruthy();
    });
  });

  describe("deleting the account", () => {
    it("a member deletes their account: the user, sessions and membership go, the audit trail stays", async () => {
      const owner = await createMember(handle.db, { role: "owner" });
      const member = await createMember(handle.db, { role: "member", organizationId: owner.organizationId });
      const elsewhere = await openSession(handle.db, member.session.userId);
      const user = { id: member.session.userId, email: member.session.email, name: member.session.name };
      const cookies = [
        await encodeSessionToken(user, member.session.sessionId),
        await encodeSessionToken(user, elsewhere),
      ];
      const { caller: memberCaller, cookies: set } = callerWithCookies({ db: handle.db, member });
      expect(await memberCaller.me.deletionStatus()).toEqual({ blockers: [] });
      expect(await memberCaller.me.deleteAccount({ password: PASSWORD })).toEqual({ ok: true });

      expect(await userRow(member.session.userId)).toBeUndefined();
      for (const cookie of cookies) expect(await resolveSession(handle.db, cookie)).toBeNull();
      expect(await handle.db.select().from(memberships).where(eq(memberships.userId, member.session.userId))).toEqual(
        [],
      );
      // This browser's cookie is cleared too.
      expect(set.find((c) => c.options.maxAge === 0)?.value).toBe("");
      const trail = await handle.db
        .select({ action: auditLog.action, actorKind: auditLog.actorKind, actor: auditLog.actorUserId })
        .from(auditLog)
        .where(eq(auditLog.organizationId, owner.organizationId));
      expect(trail).toEqual([{ action: "user.delete", actorKind: "user", actor: null }]);
    });

    it("a wrong password deletes nothing and is said next to the field", async () => {
      const owner = await createMember(handle.db, { role: "owner" });
      const member = await createMember(handle.db, { role: "member", organizationId: owner.organizationId });
      const error = await caller(member)
        .me.deleteAccount({ password: "nao e esta" })
        .catch((e: unknown) => e);
      expect((error as TRPCError).cause).toMatchObject({ info: { code: "WRONG_PASSWORD", field: "password" } });
      expect(await userRow(member.session.userId)).toBeDefined();
    });

    it("with two-factor sign-in on, a current code is required too (missing or wrong: nothing deleted)", async () => {
      const owner = await createMember(handle.db, { role: "owner" });
      const member = await createMember(handle.db, { role: "member", organizationId: owner.organizationId });
      const twoFactor = await enrolTwoFactor(handle.db, member);
      const codeError = async (input: { password: string; code?: string }) =>
        (
          (await caller(member)
            .me.deleteAccount(input)
            .catch((e: unknown) => e)) as TRPCError
        ).cause;
      expect(await codeError({ password: PASSWORD })).toMatchObject({
        info: { code: "TWO_FACTOR_CODE_INVALID", field: "code" },
      });
      expect(await codeError({ password: PASSWORD, code: "000000" })).toMatchObject({
        info: { code: "TWO_FACTOR_CODE_INVALID", field: "code" },
      });
      expect(await codeError({ password: "nao e esta", code: twoFactor.nextCode() })).toMatchObject({
        info: { code: "WRONG_PASSWORD", field: "password" },
      });
      expect(await userRow(member.session.userId)).toBeDefined();
      expect(await caller(member).me.deleteAccount({ password: PASSWORD, code: twoFactor.nextCode() })).toEqual({
        ok: true,
      });
      expect(await userRow(member.session.userId)).toBeUndefined();
    });

    it("the only owner of a team with other people must hand ownership over first", async () => {
      const owner = await createMember(handle.db, { role: "owner" });
      await createMember(handle.db, { role: "member", organizationId: owner.organizationId });
      const status = await caller(owner).me.deletionStatus();
      expect(status.blockers).toEqual([{ organizationName: `Org ${owner.session.email}`, reason: "transfer" }]);
      const error = await caller(owner)
        .me.deleteAccount({ password: PASSWORD })
        .catch((e: unknown) => e);
      expect((error as TRPCError).code).toBe("PRECONDITION_FAILED");
      expect((error as TRPCError).cause).toMatchObject({
        info: { code: "OWNER_MUST_TRANSFER", params: { organization: `Org ${owner.session.email}` } },
      });
      expect(await userRow(owner.session.userId)).toBeDefined();
    });

    it("the only person of an organization is refused (it would be left with nobody)", async () => {
      const owner = await createMember(handle.db, { role: "owner" });
      expect((await caller(owner).me.deletionStatus()).blockers).toEqual([
        { organizationName: `Org ${owner.session.email}`, reason: "alone" },
      ]);
      expect(await outcomeOf(caller(owner).me.deleteAccount({ password: PASSWORD }))).toBe("LAST_MEMBER");
      expect(await userRow(owner.session.userId)).toBeDefined();
    });

    it("one of two owners may delete their account: the other stays owner", async () => {
      const owner = await createMember(handle.db, { role: "owner" });
      const second = await createMember(handle.db, { role: "owner", organizationId: owner.organizationId });
      expect((await caller(second).me.deletionStatus()).blockers).toEqual([]);
      expect(await caller(second).me.deleteAccount({ password: PASSWORD })).toEqual({ ok: true });
      const left = await handle.db
        .select({ role: memberships.role })
        .from(memberships)
        .where(eq(memberships.organizationId, owner.organizationId));
      expect(left).toEqual([{ role: "owner" }]);
    });
  });
});
