/**
 * Every procedure of the app router is public only on purpose. The procedures are
 * enumerated from the router itself, so a new procedure fails this test until it is
 * classified: anonymous callers get UNAUTHORIZED (except the short public allowlist), and
 * a signed-in member claiming another organization gets FORBIDDEN (except procedures that
 * act on the user, not on an organization).
 */
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/server/db/client";
import { createTestDb } from "../helpers/db";
import { callerFor, createMember, type TestMember } from "../helpers/context";
import { procedureAt, procedurePaths as listProcedures } from "../helpers/procedures";

/** Reachable without a session, on purpose. */
const PUBLIC = new Set(["auth.signUp", "auth.requestPasswordReset", "auth.passwordResetLink", "auth.resetPassword", "invitation.preview", "invitation.accept", "verification.link", "verification.confirm"]);

/** Signed-in, but about the user rather than an organization (no organization scope to cross). */
const USER_SCOPED = new Set<string>([
  "me.signOutEverywhere",
  "me.changePassword",
  "twoFactor.status",
  "twoFactor.beginEnrolment",
  "twoFactor.confirmEnrolment",
  "twoFactor.disable",
  "twoFactor.regenerateRecoveryCodes",
  "sessions.list",
  "sessions.end",
  "sessions.endOthers",
  "me.changeEmail",
  "me.cancelEmailChange",
  "verification.resend",
  "verification.status",
]);

const procedurePaths = listProcedures();

async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "OK";
  } catch (e) {
    return e instanceof TRPCError ? e.code : `not a TRPCError: ${String(e)}`;
  }
}

describe("every procedure is classified and guarded", () => {
  let handle: DbHandle;
  let memberA: TestMember;
  let ownerB: TestMember;

  beforeAll(async () => {
    handle = await createTestDb("pglite");
    memberA = await createMember(handle.db, { role: "owner" });
    ownerB = await createMember(handle.db, { role: "owner" });
  });
  afterAll(async () => {
    await handle.close();
  });

  it("the router has procedures and the allowlists name only real ones", () => {
    expect(procedurePaths.length).toBeGreaterThan(3);
    for (const path of [...PUBLIC, ...USER_SCOPED]) expect(procedurePaths, `${path} is listed but does not exist`).toContain(path);
  });

  it.each(procedurePaths.filter((p) => !PUBLIC.has(p)))("%s refuses an anonymous caller (UNAUTHORIZED)", async (path) => {
    const caller = callerFor({ db: handle.db, member: null });
    expect(await codeOf(procedureAt(caller, path)({}))).toBe("UNAUTHORIZED");
  });

  it.each(procedurePaths.filter((p) => !PUBLIC.has(p) && !USER_SCOPED.has(p)))(
    "%s refuses a member of another organization (FORBIDDEN)",
    async (path) => {
      const caller = callerFor({ db: handle.db, member: ownerB, orgHint: memberA.organizationId });
      expect(await codeOf(procedureAt(caller, path)({}))).toBe("FORBIDDEN");
    },
  );
});
