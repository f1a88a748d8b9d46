/**
 * "Esqueci minha senha" through the procedures, with the e-mail really sent over SMTP to a
 * local sink: the same answer for unknown e-mails, single-use links that expire, the new
 * password rules, every old session ended, and the rate limits.
 */
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyCredentials } from "@/server/auth/accounts";
import { PASSWORD_RESET_TTL_MS } from "@/server/auth/password-reset";
import { resolveSession, encodeSessionToken } from "@/server/auth/session";
import type { DbHandle } from "@/server/db/client";
import { passwordResets, users } from "@/server/db/schema";
import { check, hit, RATE_LIMITS } from "@/server/security/rate-limit";
import { callerFor, createMember, type TestMember } from "../helpers/context";
import { createTestDb, testDbKinds } from "../helpers/db";
import { outcomeOf } from "../helpers/outcome";
import { TEST_PUBLIC_URL, withMailSink } from "../helpers/mail";

const NEW_PASSWORD = "minha nova frase de acesso";
const OLD_PASSWORD = "test password 123456";

function linkTokenIn(text: string): string {
  const match = /https?:\/\/\S+\/reset-password\/([A-Za-z0-9_-]{43})/.exec(text);
  if (!match) throw new Error(`no reset link in:\n${text}`);
  return match[1]!;
}

const mailSink = withMailSink();

describe.each(testDbKinds())("password reset on %s", (kind) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb(kind);
  });
  afterAll(async () => {
    await handle.close();
  });

  const anonymous = () => callerFor({ db: handle.db, member: null });

  /** Asks for a link for `member` and returns the token read from the e-mail the sink received. */
  async function requestLink(member: TestMember): Promise<string> {
    const since = mailSink().messages.length;
    expect(await anonymous().auth.requestPasswordReset({ email: member.session.email.toUpperCase() })).toEqual({
      sent: true,
    });
    const mail = await mailSink().waitFor(member.session.email, { since });
    expect(mail.text).toContain(`${TEST_PUBLIC_URL}/reset-password/`);
    return linkTokenIn(mail.text);
  }

  it("answers an unknown e-mail exactly as a known one, and e-mails only the known one", async () => {
    const member = await createMember(handle.db);
    const since = mailSink().messages.length;
    const known = await anonymous().auth.requestPasswordReset({ email: member.session.email });
    const unknown = await anonymous().auth.requestPasswordReset({ email: "ninguem-aqui@example.com" });
    expect(unknown).toEqual(known);
    const mail = await mailSink().waitFor(member.session.email, { since });
    // The e-mail names the person, in Portuguese by default, and links to the public address.
    expect(mail.text).toContain("Olá, Test User.");
    expect(mail.text).toContain("60 minutos");
    await new Promise((r) => setTimeout(r, 200));
    expect(
      mailSink()
        .messages.slice(since)
        .flatMap((m) => m.to),
    ).toEqual([member.session.email]);
    // Only a hash of the token is stored, and only for the account that exists.
    const rows = await handle.db.select().from(passwordResets).where(eq(passwordResets.userId, member.session.userId));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(mail.text).not.toContain(rows[0]!.tokenHash);
  });

  it("the link sets a new password once, and every session opened with the old one ends", async () => {
    const member = await createMember(handle.db);
    const oldCookie = await encodeSessionToken(
      { id: member.session.userId, email: member.session.email, name: member.session.name },
      member.session.sessionId,
    );
    expect(await resolveSession(handle.db, oldCookie)).not.toBeNull();
    const token = await requestLink(member);

    expect(await anonymous().auth.passwordResetLink({ token })).toEqual({ email: member.session.email });
    expect(await anonymous().auth.resetPassword({ token, password: NEW_PASSWORD })).toEqual({ done: true });

    expect(await verifyCredentials(handle.db, member.session.email, NEW_PASSWORD)).toMatchObject({
      id: member.session.userId,
    });
    expect(await verifyCredentials(handle.db, member.session.email, OLD_PASSWORD)).toBeFalsy();
    expect(await resolveSession(handle.db, oldCookie)).toBeNull();
    const [user] = await handle.db.select().from(users).where(eq(users.id, member.session.userId));
    expect(user!.passwordHash.startsWith("$argon2id$")).toBe(true);

    // Used once: the page and a second submission both say so.
    expect(await outcomeOf(anonymous().auth.passwordResetLink({ token }))).toBe("RESET_USED");
    expect(await outcomeOf(anonymous().auth.resetPassword({ token, password: "outra frase bem comprida" }))).toBe(
      "RESET_USED",
    );
    expect(await verifyCredentials(handle.db, member.session.email, NEW_PASSWORD)).toBeTruthy();
  });

  it("two tabs submitting the same link at once: one wins, the other is told the link was used", async () => {
    const member = await createMember(handle.db);
    const token = await requestLink(member);
    const results = await Promise.all([
      outcomeOf(anonymous().auth.resetPassword({ token, password: "primeira frase bem comprida" })),
      outcomeOf(anonymous().auth.resetPassword({ token, password: "segunda frase bem comprida" })),
    ]);
    expect(results.sort()).toEqual(["OK", "RESET_USED"]);
  });

  it("a link expires after an hour, a newer link replaces an older one, and a made-up token is invalid", async () => {
    const member = await createMember(handle.db);
    const first = await requestLink(member);
    const second = await requestLink(member);
    expect(await outcomeOf(anonymous().auth.passwordResetLink({ token: first }))).toBe("RESET_EXPIRED");
    expect(await anonymous().auth.passwordResetLink({ token: second })).toEqual({ email: member.session.email });

    const [row] = await handle.db
      .select()
      .from(passwordResets)
      .where(eq(passwordResets.userId, member.session.userId))
      .orderBy(passwordResets.createdAt)
      .limit(1)
      .offset(1);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBeGreaterThanOrEqual(PASSWORD_RESET_TTL_MS - 1_000);
    await handle.db
      .update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where(eq(passwordResets.id, row!.id));
    expect(await outcomeOf(anonymous().auth.resetPassword({ token: second, password: NEW_PASSWORD }))).toBe(
      "RESET_EXPIRED",
    );
    expect(await verifyCredentials(handle.db, member.session.email, OLD_PASSWORD)).toBeTruthy();

    expect(await outcomeOf(anonymous().auth.passwordResetLink({ token: "A".repeat(43) }))).toBe("RESET_INVALID");
    expect(await outcomeOf(anonymous().auth.resetPassword({ token: "curto", password: NEW_PASSWORD }))).toBe(
      "BAD_REQUEST",
    );
  });

  it("the new password follows the sign-up rules, with the reason next to the field", async () => {
    const member = await createMember(handle.db);
    const token = await requestLink(member);
    for (const [password, reason] of [
      ["curta", "validation.passwordTooShort"],
      ["123456789012", "validation.passwordTooCommon"],
    ] as const) {
      const error = await anonymous()
        .auth.resetPassword({ token, password })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("BAD_REQUEST");
      expect(JSON.stringify((error as TRPCError).cause)).toContain(reason);
    }
    // The refusals did not spend the link.
    expect(await anonymous().auth.passwordResetLink({ token })).toEqual({ email: member.session.email });
  });

  it("reading the link writes nothing", async () => {
    const member = await createMember(handle.db);
    const token = await requestLink(member);
    const before = await handle.db
      .select()
      .from(passwordResets)
      .where(eq(passwordResets.userId, member.session.userId));
    await anonymous().auth.passwordResetLink({ token });
    await anonymous().auth.passwordResetLink({ token });
    expect(
      await handle.db.select().from(passwordResets).where(eq(passwordResets.userId, member.session.userId)),
    ).toEqual(before);
  });

  it("a reset lifts the sign-in throttle of that account from that address", async () => {
    const member = await createMember(handle.db);
    const ip = `192.0.2.${Math.floor(Math.random() * 250) + 1}`;
    const accountKey = `${member.session.email}|${ip}`;
    for (let i = 0; i < RATE_LIMITS.signInAccountIp.points; i++) await hit("signInAccountIp", accountKey);
    expect(await check("signInAccountIp", accountKey)).not.toBeNull();
    const token = await requestLink(member);
    await callerFor({ db: handle.db, member: null, clientIp: ip }).auth.resetPassword({
      token,
      password: NEW_PASSWORD,
    });
    expect(await check("signInAccountIp", accountKey)).toBeNull();
  });
});

describe("password reset rate limits", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb("pglite");
  });
  afterAll(async () => {
    await handle.close();
  });

  it("per e-mail: the 4th request within the hour is refused, for a known and an unknown e-mail alike", async () => {
    const member = await createMember(handle.db);
    for (const email of [member.session.email, "nao-existe@example.com"]) {
      // A different address each time: the e-mail's own budget is what runs out.
      const request = () => callerFor({ db: handle.db, member: null }).auth.requestPasswordReset({ email });
      for (let i = 0; i < RATE_LIMITS.passwordResetEmail.points; i++) await request();
      const error = await request().catch((e: unknown) => e);
      expect((error as TRPCError).code).toBe("TOO_MANY_REQUESTS");
      expect((error as TRPCError).cause).toMatchObject({ info: { code: "RATE_LIMITED", params: { minutes: 60 } } });
    }
  });

  it("per address: the 11th request from one IP within the hour is refused, whatever the e-mail", async () => {
    const caller = callerFor({ db: handle.db, member: null, clientIp: "198.51.100.77" });
    for (let i = 0; i < RATE_LIMITS.passwordResetIp.points; i++)
      await caller.auth.requestPasswordReset({ email: `ip-${i}@example.com` });
    expect(await outcomeOf(caller.auth.requestPasswordReset({ email: "ip-last@example.com" }))).toBe("RATE_LIMITED");
    await expect(
      callerFor({ db: handle.db, member: null, clientIp: "198.51.100.78" }).auth.requestPasswordReset({
        email: "ip-last@example.com",
      }),
    ).resolves.toEqual({ sent: true });
  });

  it("token guesses: after 20 submissions from one IP, that IP cannot submit or even open a link", async () => {
    const caller = callerFor({ db: handle.db, member: null, clientIp: "198.51.100.79" });
    for (let i = 0; i < RATE_LIMITS.passwordResetConfirmIp.points; i++) {
      expect(
        await outcomeOf(
          caller.auth.resetPassword({
            token: `${"B".repeat(40)}${String(i).padStart(3, "0")}`,
            password: NEW_PASSWORD,
          }),
        ),
      ).toBe("RESET_INVALID");
    }
    expect(await outcomeOf(caller.auth.resetPassword({ token: "C".repeat(43), password: NEW_PASSWORD }))).toBe(
      "RATE_LIMITED",
    );
    expect(await outcomeOf(caller.auth.passwordResetLink({ token: "C".repeat(43) }))).toBe("RATE_LIMITED");
  });
});
