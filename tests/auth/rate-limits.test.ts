import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { refuseThrottledSignIn } from "@/server/auth/sign-in-guard";
import { getDb, type DbHandle } from "@/server/db/client";
import { rateLimits } from "@/server/db/schema";
import { check, clear, createRateLimiter, hit, RATE_LIMITS } from "@/server/security/rate-limit";
import { callerFor } from "../helpers/context";
import { createTestDb, testDbKinds } from "../helpers/db";
import { outcomeOf } from "../helpers/outcome";

describe("rate limits", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await getDb();
  });
  afterAll(async () => {
    await handle.close();
  });

  it("sign-up: the 11th account from one address within the hour is refused with the minutes to wait", async () => {
    const ip = "198.51.100.7";
    const signUp = (i: number) =>
      callerFor({ db: handle.db, member: null, clientIp: ip }).auth.signUp({
        name: "Rate Test",
        email: `rate${i}@example.com`,
        password: "uma frase secreta bem longa",
        companyName: "Rate Co",
      });
    for (let i = 0; i < RATE_LIMITS.signUpIp.points; i++) await signUp(i);
    const error = await signUp(99).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("TOO_MANY_REQUESTS");
    expect((error as TRPCError).cause).toMatchObject({ info: { code: "RATE_LIMITED", params: { minutes: 60 } } });
    // Another address is not affected.
    await expect(
      callerFor({ db: handle.db, member: null, clientIp: "198.51.100.8" }).auth.signUp({
        name: "Rate Test",
        email: "other-ip@example.com",
        password: "uma frase secreta bem longa",
        companyName: "Rate Co",
      }),
    ).resolves.toHaveProperty("organizationId");
  });

  it("one budget per process: another bundle's copy of the module counts in the same limiter", async () => {
    // Next bundles rate-limit.ts apart for the tRPC route, the forms' server actions and next-auth.
    const key = "198.51.100.30";
    for (let i = 0; i < RATE_LIMITS.passwordResetIp.points - 1; i++) await hit("passwordResetIp", key);
    vi.resetModules();
    const otherCopy = await import("@/server/security/rate-limit");
    expect(otherCopy.hit).not.toBe(hit);
    expect(await otherCopy.hit("passwordResetIp", key)).toBeNull();
    expect(await otherCopy.hit("passwordResetIp", key)).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    expect(await check("passwordResetIp", key)).toMatchObject({ retryAfterSeconds: expect.any(Number) });
  });

  it("sign-in: after 10 failures for one account from one address, the next attempt gets 429 and Retry-After", async () => {
    const key = "victim@example.com|203.0.113.5";
    for (let i = 0; i < RATE_LIMITS.signInAccountIp.points; i++) await hit("signInAccountIp", key);
    expect(await check("signInAccountIp", key)).toMatchObject({ retryAfterSeconds: expect.any(Number) });

    const body = new URLSearchParams({ email: "victim@example.com", password: "whatever", csrfToken: "x" });
    const request = new Request("http://portal.test/api/auth/callback/credentials", {
      method: "POST",
      body,
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "203.0.113.5" },
    });
    const refused = await refuseThrottledSignIn(request);
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(800);
    expect(((await refused!.json()) as { url: string }).url).toContain("error=RATE_LIMITED%3A15");

    // The real owner on another network is not locked out.
    const elsewhere = new Request("http://portal.test/api/auth/callback/credentials", {
      method: "POST",
      body,
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "192.0.2.44" },
    });
    expect(await refuseThrottledSignIn(elsewhere)).toBeNull();

    await clear("signInAccountIp", key);
    expect(await check("signInAccountIp", key)).toBeNull();
  });

  it("one address trying many e-mails is throttled too", async () => {
    const ip = "203.0.113.99";
    for (let i = 0; i < RATE_LIMITS.signInIp.points; i++) await hit("signInIp", ip);
    expect(await check("signInIp", ip)).not.toBeNull();
  });

  it("invitation links: after 20 acceptances from one address, it can neither accept nor open one", async () => {
    const caller = callerFor({ db: handle.db, member: null, clientIp: "203.0.113.120" });
    for (let i = 0; i < RATE_LIMITS.invitationIp.points; i++) {
      expect(
        await outcomeOf(caller.invitations.accept({ token: `${"G".repeat(40)}${String(i).padStart(3, "0")}` })),
      ).toBe("INVITATION_INVALID");
    }
    expect(await outcomeOf(caller.invitations.accept({ token: "H".repeat(43) }))).toBe("RATE_LIMITED");
    expect(await outcomeOf(caller.invitations.preview({ token: "H".repeat(43) }))).toBe("RATE_LIMITED");
  });

  it("invitation links: one link tried from many addresses runs out after 10 tries", async () => {
    const token = "J".repeat(43);
    for (let i = 0; i < RATE_LIMITS.invitationToken.points; i++) {
      expect(await outcomeOf(callerFor({ db: handle.db, member: null }).invitations.accept({ token }))).toBe(
        "INVITATION_INVALID",
      );
    }
    expect(await outcomeOf(callerFor({ db: handle.db, member: null }).invitations.accept({ token }))).toBe(
      "RATE_LIMITED",
    );
  });
});

describe.each(testDbKinds())("the rate limiter's store on %s", (kind) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb(kind);
  });
  afterAll(async () => {
    await handle.close();
  });

  it("counts atomically under concurrency and refuses past the budget", async () => {
    const limiter = createRateLimiter("signInAccountIp", handle);
    const results = await Promise.allSettled(Array.from({ length: 15 }, () => limiter.consume("concurrent-key")));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(RATE_LIMITS.signInAccountIp.points);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(5);
    if (kind === "postgres") {
      const rows = await handle.db.select().from(rateLimits);
      expect(rows.find((r) => r.key === "signInAccountIp:concurrent-key")?.points).toBe(15);
    }
  });
});
