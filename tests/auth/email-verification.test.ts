/**
 * Verified e-mail through the procedures, with the e-mails really delivered (outbox → SMTP
 * sink): the sign-up link, its single use, expiry and replacement, the resend budget, the
 * invitation that verifies, the change of e-mail (new address confirms, old one is told,
 * EMAIL_TAKEN when someone took it meanwhile) and the new-browser sign-in warning.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyCredentials } from "@/server/auth/accounts";
import { sessionCookieName } from "@/server/auth/cookies";
import { EMAIL_VERIFICATION_TTL_MS } from "@/server/auth/email-verification";
import { warnOfNewDevice } from "@/server/auth/new-device";
import { userAgentLabel } from "@/server/auth/user-agent";
import { openSession, resolveSession } from "@/server/auth/session";
import type { DbHandle } from "@/server/db/client";
import { emailVerifications, invitations, mailOutbox, passwordResets, users } from "@/server/db/schema";
import { logger } from "@/server/log";
import { mailDeliveryInFlight } from "@/server/mail/outbox";
import { newLinkToken } from "@/server/security/link-tokens";
import { RATE_LIMITS } from "@/server/security/rate-limit";
import { callerFor, callerWithCookies, createMember, type TestMember } from "../helpers/context";
import { createTestDb, testDbKinds } from "../helpers/db";
import { TEST_PUBLIC_URL, withMailSink } from "../helpers/mail";
import { outcomeOf } from "../helpers/outcome";

const PASSWORD = "uma frase secreta bem longa";
const MEMBER_PASSWORD = "test password 123456";

function verifyTokenIn(text: string): string {
  const match = /https?:\/\/\S+\/verify-email\/([A-Za-z0-9_-]{43})/.exec(text);
  if (!match) throw new Error(`no verification link in:\n${text}`);
  return match[1]!;
}

const mailSink = withMailSink();
let counter = 0;
const uniqueEmail = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++counter}@example.com`;

describe.each(testDbKinds())("verified e-mail on %s", (kind) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb(kind);
  });
  afterAll(async () => {
    await mailDeliveryInFlight(handle.db);
    await handle.close();
  });

  const anonymous = () => callerFor({ db: handle.db, member: null });

  /** Signs up through auth.signUp; the member as the session cookie names them, and the link from the e-mail. */
  async function signUp(email = uniqueEmail("ana")): Promise<{ member: TestMember; token: string; email: string }> {
    const since = mailSink().messages.length;
    const { caller, cookies } = callerWithCookies({ db: handle.db, member: null });
    const { organizationId } = await caller.auth.signUp({
      name: "Ana Lima",
      email,
      password: PASSWORD,
      companyName: "Loja da Ana",
    });
    const session = await resolveSession(handle.db, cookies.find((c) => c.name === sessionCookieName())!.value);
    const mail = await mailSink().waitFor(email, { since });
    return { member: { session: session!, organizationId, role: "owner" }, token: verifyTokenIn(mail.text), email };
  }

  async function verifiedAt(userId: string): Promise<Date | null> {
    const [u] = await handle.db.select({ at: users.emailVerifiedAt }).from(users).where(eq(users.id, userId));
    return u!.at;
  }

  it("sign-up stores a hashed 24 h link and e-mails it through the outbox; the user starts unverified", async () => {
    const { member, token, email } = await signUp();
    expect(member.session.emailVerified).toBe(false);
    // The sink has it; the run that sent it marks the row right after.
    await mailDeliveryInFlight(handle.db);
    const rows = await handle.db
      .select()
      .from(emailVerifications)
      .where(eq(emailVerifications.userId, member.session.userId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ email, purpose: "sign_up", usedAt: null });
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.tokenHash).not.toBe(token);
    const ttl = rows[0]!.expiresAt.getTime() - rows[0]!.createdAt.getTime();
    expect(Math.abs(ttl - EMAIL_VERIFICATION_TTL_MS)).toBeLessThan(5_000);
    const [outbox] = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email));
    expect(outbox).toMatchObject({
      event: "email_verification_email",
      subject: "Confirme seu e-mail em Portal PlugChat",
    });
    expect(outbox!.sentAt).not.toBeNull();
    expect(outbox!.bodyEnc).not.toContain(token);
    const mail = await mailSink().waitFor(email);
    expect(mail.text).toContain(`${TEST_PUBLIC_URL}/verify-email/${token}`);
    expect(mail.text).toContain("Olá, Ana Lima.");
  });

  it("the page's check writes nothing; confirming verifies once, a second use says it was used", async () => {
    const { member, token, email } = await signUp();
    expect(await anonymous().verification.link({ token })).toEqual({ email, purpose: "sign_up" });
    expect(await anonymous().verification.link({ token })).toEqual({ email, purpose: "sign_up" });
    expect(await verifiedAt(member.session.userId)).toBeNull();

    // Signed in as that account: the page sends them on to the wizard.
    const owner = callerFor({ db: handle.db, member });
    expect(await owner.verification.confirm({ token })).toEqual({ purpose: "sign_up", signedIn: true });
    expect(await verifiedAt(member.session.userId)).not.toBeNull();
    const session = await resolveSession(handle.db, await sessionCookieOf(member));
    expect(session?.emailVerified).toBe(true);

    expect(await outcomeOf(anonymous().verification.confirm({ token }))).toBe("VERIFICATION_USED");
    expect(await outcomeOf(anonymous().verification.link({ token }))).toBe("VERIFICATION_USED");
  });

  it("two tabs confirming at once: one wins, the other hears the link was used", async () => {
    const { token } = await signUp();
    const outcomes = await Promise.all([
      outcomeOf(anonymous().verification.confirm({ token })),
      outcomeOf(anonymous().verification.confirm({ token })),
    ]);
    expect(outcomes.sort()).toEqual(["OK", "VERIFICATION_USED"]);
  });

  it("an unknown, malformed or expired link says so (4xx), and a not-signed-in confirm is told to sign in", async () => {
    expect(await outcomeOf(anonymous().verification.link({ token: newLinkToken().token }))).toBe(
      "VERIFICATION_INVALID",
    );
    expect(await outcomeOf(anonymous().verification.confirm({ token: "short" }))).toBe("BAD_REQUEST");
    const { member, token } = await signUp();
    await handle.db
      .update(emailVerifications)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(emailVerifications.userId, member.session.userId));
    expect(await outcomeOf(anonymous().verification.link({ token }))).toBe("VERIFICATION_EXPIRED");
    expect(await outcomeOf(anonymous().verification.confirm({ token }))).toBe("VERIFICATION_EXPIRED");
    expect(await verifiedAt(member.session.userId)).toBeNull();

    const fresh = await signUp();
    expect(await anonymous().verification.confirm({ token: fresh.token })).toEqual({
      purpose: "sign_up",
      signedIn: false,
    });
  });

  it("resend replaces the older link, is refused after 3 an hour, and tells a verified user there is nothing to do", async () => {
    const { member, token: first, email } = await signUp();
    const owner = callerFor({ db: handle.db, member, clientIp: "10.77.0.1" });
    const since = mailSink().messages.length;
    expect(await owner.verification.resend()).toEqual({ status: "sent", email });
    const second = verifyTokenIn((await mailSink().waitFor(email, { since })).text);
    expect(second).not.toBe(first);
    expect(await outcomeOf(anonymous().verification.link({ token: first }))).toBe("VERIFICATION_EXPIRED");

    for (let i = 1; i < RATE_LIMITS.emailVerificationUser.points; i++) await owner.verification.resend();
    expect(await outcomeOf(owner.verification.resend())).toBe("RATE_LIMITED");

    const verified = await createMember(handle.db);
    expect(await callerFor({ db: handle.db, member: verified }).verification.resend()).toEqual({
      status: "verified",
      email: verified.session.email,
    });
  });

  it("status says whether the e-mail is confirmed and which change waits", async () => {
    const { member } = await signUp();
    expect(await callerFor({ db: handle.db, member }).verification.status()).toEqual({
      email: member.session.email,
      emailVerified: false,
      pendingEmail: null,
    });
  });

  it("accepting an invitation verifies the invited address, for a new account and for an existing one", async () => {
    const admin = await createMember(handle.db);
    async function invite(email: string) {
      const { token, tokenHash } = newLinkToken();
      await handle.db.insert(invitations).values({
        organizationId: admin.organizationId,
        email,
        role: "member",
        tokenHash,
        expiresAt: new Date(Date.now() + 3_600_000),
      });
      return token;
    }
    const newcomer = uniqueEmail("nova");
    await anonymous().invitations.accept({ token: await invite(newcomer), name: "Nova Pessoa", password: PASSWORD });
    const [created] = await handle.db.select().from(users).where(eq(users.email, newcomer));
    expect(created!.emailVerifiedAt).not.toBeNull();

    const { member, email } = await signUp();
    await callerFor({ db: handle.db, member, orgHint: null }).invitations.accept({ token: await invite(email) });
    expect(await verifiedAt(member.session.userId)).not.toBeNull();
  });

  describe("change of e-mail", () => {
    it("needs the current password (spending the sign-in budget), refuses an address in use and the same address", async () => {
      const member = await createMember(handle.db);
      const me = callerFor({ db: handle.db, member, clientIp: "10.77.1.1" });
      expect(
        await outcomeOf(me.me.changeEmail({ newEmail: uniqueEmail("x"), currentPassword: "senha errada qualquer" })),
      ).toBe("WRONG_PASSWORD");
      const other = await createMember(handle.db);
      expect(
        await outcomeOf(
          me.me.changeEmail({ newEmail: other.session.email.toUpperCase(), currentPassword: MEMBER_PASSWORD }),
        ),
      ).toBe("EMAIL_TAKEN");
      expect(
        await outcomeOf(me.me.changeEmail({ newEmail: member.session.email, currentPassword: MEMBER_PASSWORD })),
      ).toBe("VALIDATION");
      for (let i = 1; i < RATE_LIMITS.signInAccountIp.points; i++)
        await outcomeOf(me.me.changeEmail({ newEmail: uniqueEmail("x"), currentPassword: "senha errada qualquer" }));
      expect(await outcomeOf(me.me.changeEmail({ newEmail: uniqueEmail("x"), currentPassword: MEMBER_PASSWORD }))).toBe(
        "RATE_LIMITED",
      );
    });

    it("the new address confirms, the old one is told twice, and the user signs in with the new one", async () => {
      const member = await createMember(handle.db);
      const oldEmail = member.session.email;
      const newEmail = uniqueEmail("novo");
      const since = mailSink().messages.length;
      const me = callerFor({ db: handle.db, member });
      // An open reset link went to the old address: it must die with it.
      await handle.db.insert(passwordResets).values({
        userId: member.session.userId,
        tokenHash: newLinkToken().tokenHash,
        expiresAt: new Date(Date.now() + 3_600_000),
      });

      expect(await me.me.changeEmail({ newEmail: newEmail.toUpperCase(), currentPassword: MEMBER_PASSWORD })).toEqual({
        pendingEmail: newEmail,
      });
      const token = verifyTokenIn((await mailSink().waitFor(newEmail, { since })).text);
      const notice = await mailSink().waitFor(oldEmail, { since });
      expect(notice.text).toContain(newEmail);
      expect(notice.text).not.toContain("/verify-email/");
      expect(await me.verification.status()).toMatchObject({ email: oldEmail, pendingEmail: newEmail });
      // Nothing changed yet.
      expect(await verifyCredentials(handle.db, oldEmail, MEMBER_PASSWORD)).toBeTruthy();

      const sinceConfirm = mailSink().messages.length;
      expect(await anonymous().verification.link({ token })).toEqual({ email: newEmail, purpose: "change" });
      expect(await anonymous().verification.confirm({ token })).toEqual({ purpose: "change", signedIn: false });
      expect(await verifyCredentials(handle.db, newEmail, MEMBER_PASSWORD)).toMatchObject({
        id: member.session.userId,
      });
      expect(await verifyCredentials(handle.db, oldEmail, MEMBER_PASSWORD)).toBeFalsy();
      expect((await mailSink().waitFor(oldEmail, { since: sinceConfirm })).text).toContain(newEmail);
      const resets = await handle.db
        .select()
        .from(passwordResets)
        .where(eq(passwordResets.userId, member.session.userId));
      expect(resets.every((r) => r.expiresAt.getTime() <= Date.now())).toBe(true);
      expect(await outcomeOf(anonymous().verification.confirm({ token }))).toBe("VERIFICATION_USED");
      // The same session, read again as the next request would.
      const fresh = await resolveSession(handle.db, await sessionCookieOf(member));
      expect(fresh).toMatchObject({ email: newEmail, emailVerified: true });
      expect(
        await callerFor({ db: handle.db, member: { ...member, session: fresh! } }).verification.status(),
      ).toMatchObject({ pendingEmail: null });
    });

    it("says EMAIL_TAKEN when someone took the new address before the link was used, and the link stays usable", async () => {
      const member = await createMember(handle.db);
      const newEmail = uniqueEmail("disputado");
      const since = mailSink().messages.length;
      await callerFor({ db: handle.db, member }).me.changeEmail({ newEmail, currentPassword: MEMBER_PASSWORD });
      const token = verifyTokenIn((await mailSink().waitFor(newEmail, { since })).text);
      const thief = await signUp(newEmail);
      expect(await outcomeOf(anonymous().verification.confirm({ token }))).toBe("EMAIL_TAKEN");
      const [me] = await handle.db.select().from(users).where(eq(users.id, member.session.userId));
      expect(me!.email).toBe(member.session.email);
      // The other account leaves the address; the pending change can then complete.
      await handle.db
        .update(users)
        .set({ email: uniqueEmail("saiu") })
        .where(eq(users.id, thief.member.session.userId));
      expect(await anonymous().verification.confirm({ token })).toMatchObject({ purpose: "change" });
    });

    it("a password change drops a pending change of e-mail (its link stops working)", async () => {
      const member = await createMember(handle.db);
      const newEmail = uniqueEmail("intruso");
      const since = mailSink().messages.length;
      const me = callerFor({ db: handle.db, member });
      await me.me.changeEmail({ newEmail, currentPassword: MEMBER_PASSWORD });
      const token = verifyTokenIn((await mailSink().waitFor(newEmail, { since })).text);
      await me.me.changePassword({ currentPassword: MEMBER_PASSWORD, newPassword: "outra frase secreta longa" });
      expect(await outcomeOf(anonymous().verification.confirm({ token }))).toBe("VERIFICATION_EXPIRED");
    });

    it("cancel: the link in the new mailbox stops working", async () => {
      const member = await createMember(handle.db);
      const newEmail = uniqueEmail("cancelado");
      const since = mailSink().messages.length;
      const me = callerFor({ db: handle.db, member });
      await me.me.changeEmail({ newEmail, currentPassword: MEMBER_PASSWORD });
      const token = verifyTokenIn((await mailSink().waitFor(newEmail, { since })).text);
      expect(await me.me.cancelEmailChange()).toEqual({ cancelled: 1 });
      expect(await outcomeOf(anonymous().verification.confirm({ token }))).toBe("VERIFICATION_EXPIRED");
      expect(await me.verification.status()).toMatchObject({ pendingEmail: null });
    });
  });

  describe("sign-in from a new browser", () => {
    const CHROME =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
    const SAFARI_IOS =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    it("says the browser in plain words, with the label the sessions list uses", () => {
      expect(userAgentLabel(CHROME)).toBe("Chrome 126 · Windows");
      expect(userAgentLabel(SAFARI_IOS)).toBe("Safari · iPhone");
      expect(userAgentLabel(null)).toBeNull();
    });

    it("e-mails once for a browser not seen before, not for a known one, and not for sessions without a user agent", async () => {
      const member = await createMember(handle.db);
      const user = { id: member.session.userId, name: member.session.name, email: member.session.email };
      const since = mailSink().messages.length;
      // The member's first session has no user agent: it does not make Chrome known.
      const first = await openSession(handle.db, user.id, { userAgent: CHROME });
      expect(
        await warnOfNewDevice(handle.db, logger, {
          user,
          sessionId: first,
          userAgent: CHROME,
          ip: "203.0.113.7",
          cookieHeader: "NEXT_LOCALE=en",
        }),
      ).toBe(true);
      const mail = await mailSink().waitFor(user.email, { since });
      expect(mail.text).toContain("Chrome 126 · Windows");
      expect(mail.text).toContain("203.0.113.7");
      expect(mail.text).toContain(`${TEST_PUBLIC_URL}/account`);
      expect(mail.raw).toContain("New sign-in to your PlugChat Portal account");

      const again = await openSession(handle.db, user.id, { userAgent: CHROME });
      expect(
        await warnOfNewDevice(handle.db, logger, { user, sessionId: again, userAgent: CHROME, ip: "203.0.113.7" }),
      ).toBe(false);
      const phone = await openSession(handle.db, user.id, { userAgent: SAFARI_IOS });
      expect(
        await warnOfNewDevice(handle.db, logger, { user, sessionId: phone, userAgent: SAFARI_IOS, ip: "203.0.113.8" }),
      ).toBe(true);
      await mailDeliveryInFlight(handle.db);
      await new Promise((r) => setTimeout(r, 100));
      const toUser = mailSink()
        .messages.slice(since)
        .filter((m) => m.to.includes(user.email));
      expect(toUser).toHaveLength(2);
      expect(toUser[1]!.text).toContain("Sua conta em Portal PlugChat foi acessada de um navegador");
    });
  });
});

async function sessionCookieOf(member: TestMember): Promise<string> {
  const { encodeSessionToken } = await import("@/server/auth/session");
  return encodeSessionToken(
    { id: member.session.userId, email: member.session.email, name: member.session.name },
    member.session.sessionId,
  );
}
