/** me.changePassword: proves the current password, keeps this session, ends the others. */
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyCredentials } from "@/server/auth/accounts";
import { encodeSessionToken, openSession, resolveSession } from "@/server/auth/session";
import type { DbHandle } from "@/server/db/client";
import { RATE_LIMITS } from "@/server/security/rate-limit";
import { callerFor, createMember } from "../helpers/context";
import { createTestDb, testDbKinds } from "../helpers/db";
import { outcomeOf } from "../helpers/outcome";

const CURRENT = "test password 123456";
const NEXT = "uma senha nova e comprida";

describe.each(testDbKinds())("change password on %s", (kind) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb(kind);
  });
  afterAll(async () => {
    await handle.close();
  });

  it("sets the new password, keeps this session and ends every other one", async () => {
    const member = await createMember(handle.db);
    const user = { id: member.session.userId, email: member.session.email, name: member.session.name };
    const otherSession = await openSession(handle.db, user.id);
    const here = await encodeSessionToken(user, member.session.sessionId);
    const elsewhere = await encodeSessionToken(user, otherSession);

    const result = await callerFor({ db: handle.db, member }).me.changePassword({
      currentPassword: CURRENT,
      newPassword: NEXT,
    });
    expect(result).toEqual({ otherSessionsEnded: 1 });
    expect(await resolveSession(handle.db, here)).not.toBeNull();
    expect(await resolveSession(handle.db, elsewhere)).toBeNull();
    expect(await verifyCredentials(handle.db, user.email, NEXT)).toBeTruthy();
    expect(await verifyCredentials(handle.db, user.email, CURRENT)).toBeFalsy();
  });

  it("a wrong current password is refused next to its field, and the new one must follow the rules", async () => {
    const member = await createMember(handle.db);
    const caller = callerFor({ db: handle.db, member });
    const error = await caller.me
      .changePassword({ currentPassword: "nao e esta", newPassword: NEXT })
      .catch((e: unknown) => e);
    expect((error as TRPCError).cause).toMatchObject({ info: { code: "WRONG_PASSWORD", field: "currentPassword" } });
    expect(await outcomeOf(caller.me.changePassword({ currentPassword: CURRENT, newPassword: "curta" }))).toBe(
      "BAD_REQUEST",
    );
    expect(await verifyCredentials(handle.db, member.session.email, CURRENT)).toBeTruthy();
  });

  it("guessing the current password runs into the sign-in budget", async () => {
    const member = await createMember(handle.db);
    const caller = callerFor({ db: handle.db, member, clientIp: "203.0.113.201" });
    for (let i = 0; i < RATE_LIMITS.signInAccountIp.points; i++) {
      expect(await outcomeOf(caller.me.changePassword({ currentPassword: `palpite ${i}`, newPassword: NEXT }))).toBe(
        "WRONG_PASSWORD",
      );
    }
    expect(await outcomeOf(caller.me.changePassword({ currentPassword: CURRENT, newPassword: NEXT }))).toBe(
      "RATE_LIMITED",
    );
  });
});
