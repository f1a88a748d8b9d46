/**
 * Who may call what, enumerated from the router itself: a new procedure fails this file until
 * it is classified below. Every procedure is called by each kind of caller —
 *
 *   anonymous · member · admin · owner · a member of another organization
 *   · an owner whose e-mail is not verified
 *   · owners, admins and members of an organization that requires two-factor, with and without it
 *   · for the console's procedures: platform staff without two-factor, and staff with it
 *   · members of a suspended organization; platform staff under a customer's support grant (read-only)
 *
 * — and each call must end as the classification says. Calls pass `{}` (or nothing): the
 * guards run before the input is read, so a refusal here is the guard's, and a call that gets
 * past the guards fails on its input or its missing chat provider, never with a guard's code.
 * Every call is made by a fresh person, so one call's effects (leaving the team, ending
 * sessions) never decide another's.
 */
import { eq } from "drizzle-orm";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import type { DbHandle } from "@/server/db/client";
import { organizations, supportGrants, users, type MemberRole } from "@/server/db/schema";
import { createTestDb } from "../helpers/db";
import { callerFor, createMember, type TestMember } from "../helpers/context";
import { procedureAt, procedureDefs, procedurePaths as listProcedures } from "../helpers/procedures";

/** Reachable without a session, on purpose. */
const PUBLIC = new Set([
  "auth.signUp",
  "auth.requestPasswordReset",
  "auth.passwordResetLink",
  "auth.resetPassword",
  "invitations.preview",
  "invitations.accept",
  "verification.link",
  "verification.confirm",
  "health.ping",
]);

/** Signed-in, but about the user rather than an organization (no organization scope to cross). */
const USER_SCOPED = new Set<string>([
  "me.signOutEverywhere",
  "me.changePassword",
  "me.changeEmail",
  "me.cancelEmailChange",
  "me.updateName",
  "me.deletionStatus",
  "me.deleteAccount",
  "verification.resend",
  "verification.status",
  "twoFactor.status",
  "twoFactor.beginEnrolment",
  "twoFactor.confirmEnrolment",
  "twoFactor.disable",
  "twoFactor.regenerateRecoveryCodes",
  "sessions.list",
  "sessions.end",
  "sessions.endOthers",
]);

/** Organization procedures an admin (or owner) may call, and a member may not. */
const ADMIN_ONLY = new Set([
  "audit.actions",
  "audit.list",
  "departments.create",
  "departments.refresh",
  "departments.remove",
  "departments.update",
  "imports.get",
  "imports.list",
  "imports.preview",
  "imports.retryFailed",
  "imports.retryRow",
  "imports.start",
  "invitations.create",
  "invitations.list",
  "invitations.revoke",
  "members.changeRole",
  "members.linkOperator",
  "members.removeMember",
  "onboarding.attachAccount",
  "onboarding.completeStep",
  "onboarding.connectSpace",
  "onboarding.createAccount",
  "onboarding.retryAccount",
  "operators.create",
  "operators.options",
  "operators.update",
  "plan.cancel",
  "plan.continueTrial",
  "plan.subscribe",
  "reliability.reconcileNow",
  "reliability.status",
  "sync.adopt",
  "sync.adoptAll",
  "sync.compare",
  "sync.forget",
  "sync.pull",
  "sync.push",
  "sync.recreate",
  "ura.update",
  "whatsapp.newCode",
  "whatsapp.reportConnected",
]);

/** Organization procedures only an owner may call. */
const OWNER_ONLY = new Set([
  "members.transferOwnership",
  "twoFactor.setOrganizationRequirement",
  "supportAccess.grant",
  "supportAccess.revoke",
]);

/**
 * The console's procedures (/admin): platform staff with two-factor only. Every organization role
 * is refused (FORBIDDEN), staff without two-factor too (STAFF_TWO_FACTOR_REQUIRED).
 */
const STAFF_ONLY = new Set<string>([
  "console.attention.list",
  "console.attention.resolve",
  "console.attention.retry",
  "console.customer.get",
  "console.customer.reactivate",
  "console.customer.retry",
  "console.customer.suspend",
  "console.customers.list",
  "console.funnel.get",
  "console.settings.get",
  "console.settings.update",
  "console.staff.me",
]);

/** Organization queries whose answer carries a credential: refused in support mode (SUPPORT_NO_SECRETS). */
const REVEALS_SECRET = new Set<string>(["chat.session"]);

/** Organization mutations that change nothing (a POST because they keep what they saw): support access may call them. */
const LOOKS_ONLY = new Set<string>(["sync.compare"]);

/** Organization mutations that may run before the e-mail is verified (reviewed: none creates nothing at the provider). */
const ALLOW_UNVERIFIED = new Set<string>([]);

const procedurePaths = listProcedures();
const isMutation = (path: string) => procedureDefs[path]!._def.type === "mutation";
const allowsUnverified = (path: string) =>
  (procedureDefs[path]!._def as { meta?: { allowUnverified?: boolean } }).meta?.allowUnverified === true;
const looksOnly = (path: string) =>
  (procedureDefs[path]!._def as { meta?: { looksOnly?: boolean } }).meta?.looksOnly === true;
const orgScoped = procedurePaths.filter((p) => !PUBLIC.has(p) && !USER_SCOPED.has(p) && !STAFF_ONLY.has(p));
/** Signed-in procedures of the customer portal (the console's have their own callers below). */
const signedIn = procedurePaths.filter((p) => !PUBLIC.has(p) && !STAFF_ONLY.has(p));
const staffOnly = [...STAFF_ONLY].sort();
const minimumRole = (path: string): MemberRole =>
  OWNER_ONLY.has(path) ? "owner" : ADMIN_ONLY.has(path) ? "admin" : "member";
const RANK: Record<MemberRole, number> = { member: 1, admin: 2, owner: 3 };

/** The guard's codes: tRPC's, and the app's own when there is one. */
interface Outcome {
  trpc: string;
  app: string | null;
}

async function outcome(call: Promise<unknown>): Promise<Outcome> {
  try {
    await call;
    return { trpc: "OK", app: null };
  } catch (e) {
    if (!(e instanceof TRPCError)) return { trpc: `not a TRPCError: ${String(e)}`, app: null };
    return { trpc: e.code, app: e.cause instanceof AppError ? e.cause.info.code : null };
  }
}

const GUARD_CODES = [
  "UNAUTHENTICATED",
  "ORGANIZATION_SUSPENDED",
  "SUPPORT_READ_ONLY",
  "SUPPORT_NO_SECRETS",
  "FORBIDDEN",
  "EMAIL_NOT_VERIFIED",
  "TWO_FACTOR_ENROLMENT_REQUIRED",
  "STAFF_TWO_FACTOR_REQUIRED",
];
/** Got past every guard (whatever the input or the missing provider then said). */
function passedGuards(o: Outcome): boolean {
  return !["UNAUTHORIZED", "FORBIDDEN"].includes(o.trpc) && !GUARD_CODES.includes(o.app ?? "");
}

describe("every procedure is classified and guarded", () => {
  let handle: DbHandle;
  /** The organization the callers act for, another one, and one that requires two-factor. */
  let orgA: string;
  let ownerB: TestMember;
  let orgRequiring: string;

  async function person(opts: {
    role: MemberRole;
    organizationId?: string;
    emailVerified?: boolean;
    twoFactor?: boolean;
    /** Platform staff (users.is_staff), besides their role in the organization. */
    staff?: boolean;
  }): Promise<TestMember> {
    const member = await createMember(handle.db, opts);
    if (opts.staff) await handle.db.update(users).set({ isStaff: true }).where(eq(users.id, member.session.userId));
    if (opts.twoFactor) {
      // What a confirmed enrolment leaves behind (tests/auth/two-factor.test.ts enrols for real).
      await handle.db.update(users).set({ twoFactorEnabledAt: new Date() }).where(eq(users.id, member.session.userId));
      member.session = { ...member.session, twoFactorEnabled: true };
    }
    return member;
  }

  async function call(path: string, opts: Parameters<typeof person>[0]): Promise<Outcome> {
    const member = await person(opts);
    return outcome(procedureAt(callerFor({ db: handle.db, member }), path)({}));
  }

  beforeAll(async () => {
    handle = await createTestDb("pglite");
    orgA = (await createMember(handle.db, { role: "owner" })).organizationId;
    ownerB = await createMember(handle.db, { role: "owner" });
    orgRequiring = (await person({ role: "owner", twoFactor: true })).organizationId;
    await handle.db.update(organizations).set({ requireTwoFactor: true }).where(eq(organizations.id, orgRequiring));
  });
  afterAll(async () => {
    await handle.close();
  });

  it("the router has procedures and the lists name only real ones, each once", () => {
    expect(procedurePaths.length).toBeGreaterThan(3);
    const listed = [...PUBLIC, ...USER_SCOPED, ...ADMIN_ONLY, ...OWNER_ONLY, ...STAFF_ONLY, ...ALLOW_UNVERIFIED];
    for (const path of listed) expect(procedurePaths, `${path} is listed but does not exist`).toContain(path);
    const classes = [PUBLIC, USER_SCOPED, ADMIN_ONLY, OWNER_ONLY, STAFF_ONLY];
    // Everything under console.* is the console's, and nothing else is.
    expect(procedurePaths.filter((p) => p.startsWith("console.")).sort()).toEqual(staffOnly);
    for (const path of procedurePaths)
      expect(classes.filter((c) => c.has(path)).length, `${path} in more than one class`).toBeLessThanOrEqual(1);
    expect(procedurePaths.filter((p) => isMutation(p) && allowsUnverified(p)).sort()).toEqual(
      [...ALLOW_UNVERIFIED].sort(),
    );
    expect(allowsUnverified("onboarding.createAccount")).toBe(false);
    expect(procedurePaths.filter(looksOnly).sort()).toEqual([...LOOKS_ONLY].sort());
    for (const path of LOOKS_ONLY) expect(isMutation(path), `${path} is a mutation`).toBe(true);
  });

  it.each(procedurePaths.filter((p) => !PUBLIC.has(p)))(
    "%s refuses an anonymous caller (UNAUTHORIZED)",
    async (path) => {
      const caller = callerFor({ db: handle.db, member: null });
      expect((await outcome(procedureAt(caller, path)({}))).trpc).toBe("UNAUTHORIZED");
    },
  );

  it.each(orgScoped)("%s refuses a member of another organization (FORBIDDEN)", async (path) => {
    const caller = callerFor({ db: handle.db, member: ownerB, orgHint: orgA });
    expect((await outcome(procedureAt(caller, path)({}))).trpc).toBe("FORBIDDEN");
  });

  describe.each(["member", "admin", "owner"] as const)("as %s", (role) => {
    it.each(signedIn)(`%s: refused below its minimum role, let through from it`, async (path) => {
      const got = await call(path, { role, organizationId: orgA });
      if (RANK[role] < RANK[minimumRole(path)]) expect(got).toEqual({ trpc: "FORBIDDEN", app: "FORBIDDEN" });
      else expect(passedGuards(got), JSON.stringify(got)).toBe(true);
    });
  });

  describe("an owner whose e-mail is not verified", () => {
    it.each(signedIn)("%s", async (path) => {
      const got = await call(path, { role: "owner", organizationId: orgA, emailVerified: false });
      if (orgScoped.includes(path) && isMutation(path) && !ALLOW_UNVERIFIED.has(path)) {
        expect(got).toEqual({ trpc: "PRECONDITION_FAILED", app: "EMAIL_NOT_VERIFIED" });
      } else {
        // Reading, the wizard's reviewed steps and the user's own settings (e.g. a new link) stay open.
        expect(passedGuards(got), JSON.stringify(got)).toBe(true);
      }
    });

    it("can still ask for a new link, and the refusal names the address to confirm", async () => {
      const member = await person({ role: "owner", organizationId: orgA, emailVerified: false });
      const caller = callerFor({ db: handle.db, member });
      expect(await caller.verification.resend()).toEqual({ status: "sent", email: member.session.email });
      const refusal = await caller.onboarding.createAccount({} as never).catch((e: TRPCError) => e.cause);
      expect(refusal).toBeInstanceOf(AppError);
      expect((refusal as AppError).info).toEqual({
        code: "EMAIL_NOT_VERIFIED",
        params: { email: member.session.email },
      });
    });
  });

  describe("an organization that requires two-factor", () => {
    describe.each(["owner", "admin"] as const)("%s without two-factor", (role) => {
      it.each(signedIn)("%s", async (path) => {
        const got = await call(path, { role, organizationId: orgRequiring });
        if (orgScoped.includes(path) && isMutation(path)) {
          expect(got).toEqual({ trpc: "FORBIDDEN", app: "TWO_FACTOR_ENROLMENT_REQUIRED" });
        } else if (RANK[role] < RANK[minimumRole(path)]) {
          expect(got).toEqual({ trpc: "FORBIDDEN", app: "FORBIDDEN" });
        } else {
          // Reading stays open, and so does everything about the user: that is where they enrol.
          expect(passedGuards(got), JSON.stringify(got)).toBe(true);
        }
      });
    });

    describe.each([
      ["owner with two-factor", { role: "owner" as const, twoFactor: true }],
      ["member without two-factor (the rule is for owners and admins)", { role: "member" as const, twoFactor: false }],
    ])("%s", (_label, who) => {
      it.each(signedIn)("%s is not refused for two-factor", async (path) => {
        const got = await call(path, { ...who, organizationId: orgRequiring });
        expect(got.app).not.toBe("TWO_FACTOR_ENROLMENT_REQUIRED");
        if (RANK[who.role] >= RANK[minimumRole(path)]) expect(passedGuards(got), JSON.stringify(got)).toBe(true);
      });
    });
  });
  describe("a suspended organization", () => {
    let suspendedOrg: string;
    beforeAll(async () => {
      suspendedOrg = (await createMember(handle.db, { role: "owner" })).organizationId;
      await handle.db.update(organizations).set({ suspendedAt: new Date() }).where(eq(organizations.id, suspendedOrg));
    });
    describe.each(["member", "admin", "owner"] as const)("as %s", (role) => {
      it.each(signedIn)("%s: the organization's are refused, the person's own stay open", async (path) => {
        const got = await call(path, { role, organizationId: suspendedOrg });
        if (orgScoped.includes(path)) expect(got).toEqual({ trpc: "FORBIDDEN", app: "ORGANIZATION_SUSPENDED" });
        else expect(passedGuards(got), JSON.stringify(got)).toBe(true);
      });
    });
  });

  describe("support access: platform staff under a customer's live grant", () => {
    let grantedOrg: string;
    let staffCaller: ReturnType<typeof callerFor>;
    beforeAll(async () => {
      grantedOrg = (await createMember(handle.db, { role: "owner" })).organizationId;
      await handle.db
        .insert(supportGrants)
        .values({ organizationId: grantedOrg, expiresAt: new Date(Date.now() + 3600_000) });
      const staff = await person({ role: "owner", staff: true, twoFactor: true });
      staffCaller = callerFor({ db: handle.db, member: staff, orgHint: grantedOrg });
    });

    it.each(orgScoped.filter((p) => isMutation(p) && !LOOKS_ONLY.has(p)))(
      "%s is refused (SUPPORT_READ_ONLY)",
      async (path) => {
        expect(await outcome(procedureAt(staffCaller, path)({}))).toEqual({
          trpc: "FORBIDDEN",
          app: "SUPPORT_READ_ONLY",
        });
      },
    );

    it.each([...LOOKS_ONLY])("%s only looks: let through", async (path) => {
      const got = await outcome(procedureAt(staffCaller, path)({}));
      expect(passedGuards(got), JSON.stringify(got)).toBe(true);
    });

    it.each(orgScoped.filter((p) => !isMutation(p)))("%s: read, unless it reveals a credential", async (path) => {
      const got = await outcome(procedureAt(staffCaller, path)({}));
      if (REVEALS_SECRET.has(path)) expect(got).toEqual({ trpc: "FORBIDDEN", app: "SUPPORT_NO_SECRETS" });
      else expect(passedGuards(got), JSON.stringify(got)).toBe(true);
    });

    it("staff without two-factor get nothing of it", async () => {
      const staff = await person({ role: "owner", staff: true });
      const caller = callerFor({ db: handle.db, member: staff, orgHint: grantedOrg });
      for (const path of orgScoped) expect((await outcome(procedureAt(caller, path)({}))).trpc).toBe("FORBIDDEN");
    });
  });

  describe("the console: platform staff with two-factor only", () => {
    describe.each([
      ["member", { role: "member" as const }],
      ["admin", { role: "admin" as const }],
      ["owner", { role: "owner" as const }],
      ["owner with two-factor", { role: "owner" as const, twoFactor: true }],
    ])("%s of an organization (not staff)", (_label, who) => {
      it.each(staffOnly)("%s is refused (FORBIDDEN)", async (path) => {
        expect(await call(path, { ...who, organizationId: orgA })).toEqual({ trpc: "FORBIDDEN", app: "FORBIDDEN" });
      });
    });

    it.each(staffOnly)("%s refuses staff without two-factor (STAFF_TWO_FACTOR_REQUIRED)", async (path) => {
      expect(await call(path, { role: "member", staff: true })).toEqual({
        trpc: "FORBIDDEN",
        app: "STAFF_TWO_FACTOR_REQUIRED",
      });
    });

    it.each(staffOnly)("%s lets staff with two-factor through", async (path) => {
      const got = await call(path, { role: "member", staff: true, twoFactor: true });
      expect(passedGuards(got), JSON.stringify(got)).toBe(true);
    });

    // Staff change a customer's team only through the console's own actions: being staff opens no
    // organization procedure of an organization they do not belong to.
    it.each(orgScoped)("%s refuses staff acting for a customer's organization (FORBIDDEN)", async (path) => {
      const staff = await person({ role: "owner", staff: true, twoFactor: true });
      const caller = callerFor({ db: handle.db, member: staff, orgHint: orgA });
      expect((await outcome(procedureAt(caller, path)({}))).trpc).toBe("FORBIDDEN");
    });
  });
});
