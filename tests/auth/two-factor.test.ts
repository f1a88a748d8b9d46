/**
 * Two-factor sign-in: enrolment, codes used once, recovery codes, turning it off, and the
 * organization's requirement for owners and admins.
 */
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentTimeStep } from "@/server/auth/two-factor";
import type { DbHandle } from "@/server/db/client";
import { organizations, recoveryCodes, users } from "@/server/db/schema";
import { RATE_LIMITS } from "@/server/security/rate-limit";
import { callerFor, createMember } from "../helpers/context";
import { createTestDb, testDbKinds } from "../helpers/db";
import { outcomeOf } from "../helpers/outcome";
import { codeSource, enrolTwoFactor, totpCode } from "../helpers/two-factor";

const PASSWORD = "test password 123456";

describe.each(testDbKinds())("two-factor on %s", (kind) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb(kind);
  });
  afterAll(async () => {
    await handle.close();
  });

  it("enrolment: a wrong code is refused next to its field; the right one turns it on and shows 10 recovery codes once, stored hashed", async () => {
    const member = await createMember(handle.db);
    const caller = callerFor({ db: handle.db, member });
    expect(await caller.twoFactor.status()).toEqual({ enabled: false, enabledAt: null, recoveryCodesLeft: 0 });

    const pending = await caller.twoFactor.beginEnrolment();
    expect(pending.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(pending.manualKey).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    const secret = pending.manualKey.replace(/\s/g, "");
    const [stored] = await handle.db.select().from(users).where(eq(users.id, member.session.userId));
    // Encrypted at rest: the base32 secret is nowhere in the column.
    expect(stored!.twoFactorSecret).toMatch(/^v1\./);
    expect(stored!.twoFactorSecret).not.toContain(secret);
    expect(stored!.twoFactorEnabledAt).toBeNull();

    const now = currentTimeStep();
    const wrong = totpCode(secret, now - 5);
    const refused = await caller.twoFactor.confirmEnrolment({ code: wrong }).catch((e: unknown) => e);
    expect(refused).toMatchObject({
      code: "BAD_REQUEST",
      cause: { info: { code: "TWO_FACTOR_CODE_INVALID", field: "code" } },
    });
    expect(await outcomeOf(caller.twoFactor.confirmEnrolment({ code: "12345" }))).toBe("BAD_REQUEST");

    const { recoveryCodes: shown } = await caller.twoFactor.confirmEnrolment({ code: totpCode(secret, now) });
    expect(shown).toHaveLength(10);
    expect(new Set(shown).size).toBe(10);
    for (const code of shown) expect(code).toMatch(/^[A-Z2-7]{5}-[A-Z2-7]{5}$/);
    const rows = await handle.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, member.session.userId));
    expect(rows).toHaveLength(10);
    for (const row of rows) {
      expect(row.codeHash).toMatch(/^[0-9a-f]{64}$/);
      expect(shown.some((code) => row.codeHash.includes(code.replace("-", "")))).toBe(false);
    }
    const sha = (code: string) =>
      createHash("sha256")
        .update(`${member.session.userId}:${code.replace("-", "")}`)
        .digest("hex");
    expect(rows.map((r) => r.codeHash).sort()).toEqual(shown.map(sha).sort());

    const status = await caller.twoFactor.status();
    expect(status).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    expect(status.enabledAt).toBeInstanceOf(Date);
    // Shown once: enrolment cannot be begun or confirmed again while it is on.
    expect(await outcomeOf(caller.twoFactor.confirmEnrolment({ code: totpCode(secret, now + 1) }))).toBe(
      "TWO_FACTOR_ALREADY_ON",
    );
    expect(await outcomeOf(caller.twoFactor.beginEnrolment())).toBe("TWO_FACTOR_ALREADY_ON");
  });

  it("two concurrent uses of one code: exactly one is accepted", async () => {
    const member = await createMember(handle.db);
    const enrolled = await enrolTwoFactor(handle.db, member);
    const { consumeTotpCode } = await import("@/server/auth/two-factor");
    const code = enrolled.nextCode();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => consumeTotpCode(handle.db, member.session.userId, code)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    // An older step than the last accepted one is refused too.
    expect(await consumeTotpCode(handle.db, member.session.userId, enrolled.codeAt(currentTimeStep() - 1))).toBe(false);
  });

  it("turning it off needs the password and a current code; wrong ones are refused next to their fields", async () => {
    const member = await createMember(handle.db);
    const enrolled = await enrolTwoFactor(handle.db, member);
    const caller = callerFor({ db: handle.db, member });

    expect(
      await caller.twoFactor
        .disable({ password: "not the password", code: enrolled.nextCode() })
        .catch((e: unknown) => e),
    ).toMatchObject({
      cause: { info: { code: "WRONG_PASSWORD", field: "password" } },
    });
    expect(
      await caller.twoFactor.disable({ password: PASSWORD, code: "000000" }).catch((e: unknown) => e),
    ).toMatchObject({
      code: "BAD_REQUEST",
      cause: { info: { code: "TWO_FACTOR_CODE_INVALID", field: "code" } },
    });
    expect(await outcomeOf(caller.twoFactor.disable({ password: PASSWORD, code: "not a code" }))).toBe("BAD_REQUEST");
    expect((await caller.twoFactor.status()).enabled).toBe(true);

    // A recovery code proves it as well.
    await caller.twoFactor.disable({ password: PASSWORD, code: enrolled.recoveryCodes[0]!.toLowerCase() });
    const [row] = await handle.db.select().from(users).where(eq(users.id, member.session.userId));
    expect(row).toMatchObject({ twoFactorSecret: null, twoFactorEnabledAt: null, twoFactorLastStep: null });
    expect(
      await handle.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, member.session.userId)),
    ).toHaveLength(0);
    member.session = { ...member.session, twoFactorEnabled: false };
    expect(
      await outcomeOf(callerFor({ db: handle.db, member }).twoFactor.disable({ password: PASSWORD, code: "123456" })),
    ).toBe("TWO_FACTOR_NOT_ON");
  });

  it("new recovery codes replace the old ones", async () => {
    const member = await createMember(handle.db);
    const enrolled = await enrolTwoFactor(handle.db, member);
    const caller = callerFor({ db: handle.db, member });
    const { recoveryCodes: fresh } = await caller.twoFactor.regenerateRecoveryCodes({
      password: PASSWORD,
      code: enrolled.nextCode(),
    });
    expect(fresh).toHaveLength(10);
    const { consumeRecoveryCode } = await import("@/server/auth/two-factor");
    expect(await consumeRecoveryCode(handle.db, member.session.userId, enrolled.recoveryCodes[1]!)).toBe(false);
    expect(await consumeRecoveryCode(handle.db, member.session.userId, fresh[0]!)).toBe(true);
    expect((await caller.twoFactor.status()).recoveryCodesLeft).toBe(9);
  });

  it("wrong codes are rate-limited like passwords: the 11th attempt from one address says how many minutes to wait", async () => {
    const member = await createMember(handle.db);
    const enrolled = await enrolTwoFactor(handle.db, member);
    const caller = callerFor({ db: handle.db, member, clientIp: "198.51.100.61" });
    for (let i = 0; i < RATE_LIMITS.twoFactorAccountIp.points; i++) {
      expect(await outcomeOf(caller.twoFactor.disable({ password: PASSWORD, code: "000000" }))).toBe(
        "TWO_FACTOR_CODE_INVALID",
      );
    }
    const limited = await caller.twoFactor
      .disable({ password: PASSWORD, code: enrolled.nextCode() })
      .catch((e: unknown) => e);
    expect(limited).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      cause: { info: { code: "RATE_LIMITED", params: { minutes: 15 } } },
    });
  });

  it("requirement: an owner needs their own two-factor to require it; then owners and admins without it cannot change anything, members can", async () => {
    const owner = await createMember(handle.db, { role: "owner" });
    const admin = await createMember(handle.db, { role: "admin", organizationId: owner.organizationId });
    const member = await createMember(handle.db, { role: "member", organizationId: owner.organizationId });
    const ownerCaller = () => callerFor({ db: handle.db, member: owner });

    expect(
      await ownerCaller()
        .twoFactor.setOrganizationRequirement({ required: true })
        .catch((e: unknown) => e),
    ).toMatchObject({
      cause: { info: { code: "TWO_FACTOR_NOT_ON" } },
    });
    expect(
      await outcomeOf(
        callerFor({ db: handle.db, member: admin }).twoFactor.setOrganizationRequirement({ required: true }),
      ),
    ).toBe("FORBIDDEN");

    await enrolTwoFactor(handle.db, owner);
    expect(await ownerCaller().twoFactor.setOrganizationRequirement({ required: true })).toEqual({ required: true });
    const [org] = await handle.db.select().from(organizations).where(eq(organizations.id, owner.organizationId));
    expect(org!.requireTwoFactor).toBe(true);

    // members.leave: a mutation any role may call.
    const leave = (who: typeof owner) => outcomeOf(callerFor({ db: handle.db, member: who }).members.leave());
    const adminError = await callerFor({ db: handle.db, member: admin })
      .members.leave()
      .catch((e: unknown) => e);
    expect(adminError).toMatchObject({ code: "FORBIDDEN", cause: { info: { code: "TWO_FACTOR_ENROLMENT_REQUIRED" } } });
    // The owner has two-factor: refused only because an organization keeps one owner.
    expect(await leave(owner)).toBe("LAST_OWNER");
    // Queries still answer, so the pages can say what to do; enrolling is not an organization mutation.
    expect(await outcomeOf(callerFor({ db: handle.db, member: admin }).me.get())).toBe("OK");
    await enrolTwoFactor(handle.db, admin);
    expect(await leave(admin)).toBe("OK");
    // Members are not affected.
    expect(await leave(member)).toBe("OK");

    expect(await ownerCaller().twoFactor.setOrganizationRequirement({ required: false })).toEqual({ required: false });
  });

  it("the code source hands out steps the portal accepts, oldest first", () => {
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    const source = codeSource(secret);
    const before = currentTimeStep();
    const first = source.nextCode();
    // The clock may cross a step boundary between the two looks.
    expect([before - 1, currentTimeStep() - 1].map((step) => totpCode(secret, step))).toContain(first);
    expect(source.nextCode()).not.toBe(first);
  });
});
