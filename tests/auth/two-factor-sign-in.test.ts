/**
 * Signing in with two-factor on, through next-auth's authorize (the portal's own database,
 * as the running app uses it): the code is asked for after the password, no session opens
 * without it, a code works once, recovery codes work once, wrong codes are rate-limited.
 */
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authOptions } from "@/server/auth/options";
import { currentTimeStep } from "@/server/auth/two-factor";
import { refuseThrottledSignIn } from "@/server/auth/sign-in-guard";
import { getDb, type DbHandle } from "@/server/db/client";
import { sessions } from "@/server/db/schema";
import { RATE_LIMITS } from "@/server/security/rate-limit";
import { createMember, type TestMember } from "../helpers/context";
import { enrolTwoFactor, type EnrolledTwoFactor } from "../helpers/two-factor";

const PASSWORD = "test password 123456";

type Authorize = (
  credentials: Record<string, string>,
  req: { headers: Record<string, string> },
) => Promise<{ id: string; sid?: string } | null>;

function authorizeFn(): Authorize {
  const provider = authOptions().providers[0] as unknown as { options: { authorize: Authorize } };
  return provider.options.authorize;
}

/** What authorize came to: "OK" (a user) or the error code signIn() would get. */
async function signIn(credentials: Record<string, string>, ip: string): Promise<string> {
  try {
    const user = await authorizeFn()(credentials, { headers: { "x-forwarded-for": ip, "user-agent": "vitest" } });
    return user ? "OK" : "NULL";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

describe("sign-in with two-factor", () => {
  let handle: DbHandle;
  let member: TestMember;
  let enrolled: EnrolledTwoFactor;
  const sessionsOf = async () =>
    (await handle.db.select({ n: count() }).from(sessions).where(eq(sessions.userId, member.session.userId)))[0]!.n;

  beforeAll(async () => {
    handle = await getDb();
    member = await createMember(handle.db);
    enrolled = await enrolTwoFactor(handle.db, member);
  });
  afterAll(async () => {
    await handle.close();
  });

  it("the right password without a code asks for the code and opens no session", async () => {
    const before = await sessionsOf();
    expect(await signIn({ email: member.session.email, password: PASSWORD }, "192.0.2.10")).toBe("TWO_FACTOR_REQUIRED");
    expect(await sessionsOf()).toBe(before);
    // A wrong password with a code is still just a wrong password.
    expect(
      await signIn({ email: member.session.email, password: "wrong password!!", code: "123456" }, "192.0.2.10"),
    ).toBe("INVALID_CREDENTIALS");
  });

  it("a right code opens a session; the same code again is refused", async () => {
    const before = await sessionsOf();
    const code = enrolled.nextCode();
    expect(await signIn({ email: member.session.email, password: PASSWORD, code }, "192.0.2.11")).toBe("OK");
    expect(await sessionsOf()).toBe(before + 1);
    expect(await signIn({ email: member.session.email, password: PASSWORD, code }, "192.0.2.12")).toBe(
      "TWO_FACTOR_INVALID",
    );
    expect(await sessionsOf()).toBe(before + 1);
  });

  it("a recovery code works once", async () => {
    const recoveryCode = enrolled.recoveryCodes[3]!;
    expect(await signIn({ email: member.session.email, password: PASSWORD, recoveryCode }, "192.0.2.13")).toBe("OK");
    expect(await signIn({ email: member.session.email, password: PASSWORD, recoveryCode }, "192.0.2.13")).toBe(
      "TWO_FACTOR_INVALID",
    );
  });

  it("wrong codes are rate-limited per account and address: then even a right code waits, with the minutes to wait", async () => {
    const ip = "192.0.2.14";
    for (let i = 0; i < RATE_LIMITS.twoFactorAccountIp.points; i++) {
      expect(await signIn({ email: member.session.email, password: PASSWORD, code: "000000" }, ip)).toBe(
        "TWO_FACTOR_INVALID",
      );
    }
    const before = await sessionsOf();
    // Refused before the code is even looked at.
    expect(
      await signIn(
        { email: member.session.email, password: PASSWORD, code: enrolled.codeAt(currentTimeStep() + 1) },
        ip,
      ),
    ).toBe("RATE_LIMITED:15");
    expect(await sessionsOf()).toBe(before);

    // Before next-auth: 429 with Retry-After for the code step from that address.
    const form = new URLSearchParams({
      email: member.session.email,
      password: PASSWORD,
      code: "123456",
      csrfToken: "x",
    });
    const request = (from: string) =>
      new Request("http://portal.test/api/auth/callback/credentials", {
        method: "POST",
        body: form,
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": from },
      });
    const refused = await refuseThrottledSignIn(request(ip));
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(800);
    // The password step from that address, and other addresses, are not blocked by it.
    expect(await refuseThrottledSignIn(request("192.0.2.15"))).toBeNull();
  });

  it("an account without two-factor signs in with the password alone", async () => {
    const plain = await createMember(handle.db);
    expect(await signIn({ email: plain.session.email, password: PASSWORD }, "192.0.2.16")).toBe("OK");
  });
});
