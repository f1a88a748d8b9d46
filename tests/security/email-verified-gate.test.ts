/**
 * The verified-e-mail gate, enumerated from the router: a user whose e-mail is not verified
 * gets EMAIL_NOT_VERIFIED (with their address) on every organization mutation, except those
 * marked `.meta({ allowUnverified: true })`, which are not refused for that reason. Mutations
 * outside an organization (public, or about the user themself) are not gated at all.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/server/api/errors";
import type { DbHandle } from "@/server/db/client";
import { createTestDb } from "../helpers/db";
import { callerFor, createMember, type TestMember } from "../helpers/context";
import { procedureAt, procedureDefs, procedurePaths } from "../helpers/procedures";

/** Mutations that act on no organization (no orgProcedure underneath). */
const NOT_ORG_SCOPED = new Set([
  "auth.signUp",
  "auth.requestPasswordReset",
  "auth.resetPassword",
  "invitation.accept",
  "me.signOutEverywhere",
  "me.changePassword",
  "me.changeEmail",
  "me.cancelEmailChange",
  "verification.confirm",
  "verification.resend",
]);

/** What the review of every organization mutation found may run before the e-mail is verified. */
const EXPECTED_ALLOW_UNVERIFIED: string[] = [];

const mutations = procedurePaths("mutation");
const allowsUnverified = (path: string) => (procedureDefs[path]!._def as { meta?: { allowUnverified?: boolean } }).meta?.allowUnverified === true;
const orgMutations = mutations.filter((p) => !NOT_ORG_SCOPED.has(p));

async function appCodeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "OK";
  } catch (e) {
    const cause = (e as { cause?: unknown }).cause;
    return cause instanceof AppError ? cause.info.code : String((e as { code?: string }).code);
  }
}

describe("unverified e-mail: organization mutations wait for it", () => {
  let handle: DbHandle;
  let unverified: TestMember;
  let verified: TestMember;
  beforeAll(async () => {
    handle = await createTestDb("pglite");
    unverified = await createMember(handle.db, { role: "owner", emailVerified: false });
    verified = await createMember(handle.db, { role: "owner" });
  });
  afterAll(async () => {
    await handle.close();
  });

  it("the lists name real mutations, and the marked ones are exactly those reviewed", () => {
    for (const path of NOT_ORG_SCOPED) expect(mutations, `${path} is listed but is not a mutation`).toContain(path);
    expect(orgMutations.filter(allowsUnverified)).toEqual(EXPECTED_ALLOW_UNVERIFIED);
    expect(orgMutations).toContain("onboarding.createAccount");
    expect(allowsUnverified("onboarding.createAccount")).toBe(false);
  });

  it.each(orgMutations.filter((p) => !allowsUnverified(p)))("%s refuses an unverified owner with EMAIL_NOT_VERIFIED", async (path) => {
    const caller = callerFor({ db: handle.db, member: unverified });
    let error: unknown;
    await procedureAt(caller, path)({}).catch((e: unknown) => (error = e));
    const cause = (error as { cause?: unknown } | undefined)?.cause;
    expect(cause).toBeInstanceOf(AppError);
    expect((cause as AppError).info).toEqual({ code: "EMAIL_NOT_VERIFIED", params: { email: unverified.session.email } });
    expect((error as { code?: string }).code).toBe("PRECONDITION_FAILED");
  });

  it.each(orgMutations.filter(allowsUnverified).concat([...NOT_ORG_SCOPED].filter((p) => p !== "verification.resend")))(
    "%s is not refused for an unverified e-mail",
    async (path) => {
      const caller = callerFor({ db: handle.db, member: unverified });
      expect(await appCodeOf(procedureAt(caller, path)({}))).not.toBe("EMAIL_NOT_VERIFIED");
    },
  );

  it("a verified owner passes the gate (onboarding.createAccount fails for another reason)", async () => {
    const caller = callerFor({ db: handle.db, member: verified });
    expect(await appCodeOf(caller.onboarding.createAccount({} as never))).not.toBe("EMAIL_NOT_VERIFIED");
  });

  it("the unverified user can still ask for a new link", async () => {
    const caller = callerFor({ db: handle.db, member: unverified });
    expect(await caller.verification.resend()).toEqual({ status: "sent", email: unverified.session.email });
  });
});
