/**
 * "Sessões ativas" in Minha conta: the list shows exactly the user's live sessions, with the
 * browser and system of each and which one is this; ending one (or all the others) makes
 * their cookies fail at the next request, and nobody can end someone else's session.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authOptions } from "@/server/auth/options";
import { markEmailVerified } from "@/server/auth/email-verification";
import { sessionCookieName } from "@/server/auth/cookies";
import {
  encodeSessionToken,
  openSession,
  resolveSession,
  SESSION_IDLE_SECONDS,
  type SessionUser,
} from "@/server/auth/session";
import { getDb, type Db, type DbHandle } from "@/server/db/client";
import { sessions, users } from "@/server/db/schema";
import { callerFor, callerWithCookies, createMember, type TestMember } from "../helpers/context";
import { createTestDb, testDbKinds } from "../helpers/db";
import { appCodeOf } from "../helpers/outcome";

const UA = {
  chromeWindows:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  safariIphone:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  firefoxLinux: "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
};
const password = "uma frase secreta bem longa";

/** A session row opened for `user`, and the cookie value that names it. */
async function cookieFor(
  db: Db,
  user: { id: string; email: string; name: string },
  client: { userAgent?: string; ip?: string },
) {
  const id = await openSession(db, user.id, client);
  return { id, cookie: await encodeSessionToken(user, id) };
}

describe.each(testDbKinds())("sessions you can see and end (%s)", (kind) => {
  let handle: DbHandle;
  let me: TestMember;
  let user: { id: string; email: string; name: string };
  /** This browser (signed up with Chrome on Windows), a phone and a laptop. */
  let here: { id: string; cookie: string };
  let phone: { id: string; cookie: string };
  let laptop: { id: string; cookie: string };
  let dead: string[];
  let stranger: TestMember;
  let strangerCookie: { id: string; cookie: string };

  beforeAll(async () => {
    handle = await createTestDb(kind);
    const signUp = callerWithCookies({
      db: handle.db,
      member: null,
      clientIp: "203.0.113.10",
      userAgent: UA.chromeWindows,
    });
    const { organizationId } = await signUp.caller.auth.signUp({
      name: "Ana Lima",
      email: "ana.sessoes@example.com",
      password,
      companyName: "Loja da Ana",
    });
    const hereCookie = signUp.cookies.find((c) => c.name === sessionCookieName())!.value;
    // Ana confirmed her e-mail (she invites someone below, which an unconfirmed owner may not).
    await markEmailVerified(
      handle.db,
      (await resolveSession(handle.db, hereCookie))!.userId,
      "ana.sessoes@example.com",
    );
    const session = (await resolveSession(handle.db, hereCookie)) as SessionUser;
    me = { session, organizationId, role: "owner" };
    user = { id: session.userId, email: session.email, name: session.name };
    here = { id: session.sessionId, cookie: hereCookie };
    phone = await cookieFor(handle.db, user, { userAgent: UA.safariIphone, ip: "198.51.100.20" });
    laptop = await cookieFor(handle.db, user, { userAgent: UA.firefoxLinux, ip: "192.0.2.30" });
    // Used a while ago (the phone an hour ago, the laptop yesterday): most recent first in the list.
    const hoursAgo = (h: number) => new Date(Date.now() - h * 60 * 60 * 1000);
    await handle.db
      .update(sessions)
      .set({ createdAt: hoursAgo(30), lastSeenAt: hoursAgo(1) })
      .where(eq(sessions.id, phone.id));
    await handle.db
      .update(sessions)
      .set({ createdAt: hoursAgo(40), lastSeenAt: hoursAgo(24) })
      .where(eq(sessions.id, laptop.id));

    // Sessions that no longer let anyone in: revoked, past their absolute expiry, idle too long.
    const revoked = await openSession(handle.db, user.id, { userAgent: UA.chromeWindows, ip: "203.0.113.99" });
    await handle.db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, revoked));
    const expired = await openSession(handle.db, user.id, { userAgent: UA.chromeWindows, ip: "203.0.113.98" });
    await handle.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, expired));
    const idle = await openSession(handle.db, user.id, { userAgent: UA.chromeWindows, ip: "203.0.113.97" });
    await handle.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - (SESSION_IDLE_SECONDS + 60) * 1000) })
      .where(eq(sessions.id, idle));
    dead = [revoked, expired, idle];

    stranger = await createMember(handle.db, { role: "owner" });
    const [strangerUser] = await handle.db.select().from(users).where(eq(users.id, stranger.session.userId));
    strangerCookie = await cookieFor(handle.db, strangerUser!, { userAgent: UA.firefoxLinux, ip: "198.51.100.77" });
  });
  afterAll(async () => {
    await handle.close();
  });

  const mine = () => callerFor({ db: handle.db, member: me });

  it("sign-up stores the address and the browser of the session it opens", async () => {
    const [row] = await handle.db.select().from(sessions).where(eq(sessions.id, here.id));
    expect(row).toMatchObject({ ip: "203.0.113.10", userAgent: UA.chromeWindows });
  });

  it("lists exactly the three live sessions, most recently used first, with browser, system, address and this one marked", async () => {
    const list = await mine().sessions.list();
    expect(list.map((s) => s.id)).toEqual([here.id, phone.id, laptop.id]);
    expect(list.map(({ browser, system, ip, current }) => ({ browser, system, ip, current }))).toEqual([
      { browser: "Chrome 131", system: "Windows", ip: "203.0.113.10", current: true },
      { browser: "Safari", system: "iPhone", ip: "198.51.100.20", current: false },
      { browser: "Firefox 133", system: "Linux", ip: "192.0.2.30", current: false },
    ]);
    for (const s of list) {
      expect(s.createdAt).toBeInstanceOf(Date);
      expect(s.lastSeenAt.getTime()).toBeGreaterThanOrEqual(s.createdAt.getTime());
    }
    for (const id of dead) expect(list.map((s) => s.id)).not.toContain(id);
    expect(list.map((s) => s.id)).not.toContain(strangerCookie.id);
  });

  it("the list carries no tokens or raw headers", async () => {
    const list = await mine().sessions.list();
    for (const s of list)
      expect(Object.keys(s).sort()).toEqual(["browser", "createdAt", "current", "id", "ip", "lastSeenAt", "system"]);
  });

  it("someone else's session, an unknown id and an already-ended one answer SESSION_NOT_FOUND; the stranger stays signed in", async () => {
    expect(await appCodeOf(mine().sessions.end({ id: strangerCookie.id }))).toBe("SESSION_NOT_FOUND");
    expect(await appCodeOf(mine().sessions.end({ id: stranger.session.sessionId }))).toBe("SESSION_NOT_FOUND");
    expect(await appCodeOf(mine().sessions.end({ id: "00000000-0000-4000-8000-000000000000" }))).toBe(
      "SESSION_NOT_FOUND",
    );
    expect(await appCodeOf(mine().sessions.end({ id: dead[0]! }))).toBe("SESSION_NOT_FOUND");
    expect((await resolveSession(handle.db, strangerCookie.cookie))?.userId).toBe(stranger.session.userId);
    const [row] = await handle.db.select().from(sessions).where(eq(sessions.id, strangerCookie.id));
    expect(row?.revokedAt).toBeNull();
  });

  it("an id that is not one is refused by validation, unknown keys too", async () => {
    expect(await appCodeOf(mine().sessions.end({ id: "not-an-id" }))).toBe("BAD_REQUEST");
    expect(
      await appCodeOf(mine().sessions.end({ id: phone.id, userId: stranger.session.userId } as { id: string })),
    ).toBe("BAD_REQUEST");
    expect(await resolveSession(handle.db, phone.cookie)).not.toBeNull();
  });

  it("ending the phone's session signs the phone out at its next request; this one and the laptop stay", async () => {
    expect(await mine().sessions.end({ id: phone.id })).toEqual({ current: false });
    expect(await resolveSession(handle.db, phone.cookie)).toBeNull();
    expect((await resolveSession(handle.db, here.cookie))?.sessionId).toBe(here.id);
    expect((await resolveSession(handle.db, laptop.cookie))?.sessionId).toBe(laptop.id);
    // (resolving the laptop's cookie just now counted as use: the order may change, not the set)
    expect((await mine().sessions.list()).map((s) => s.id).sort()).toEqual([here.id, laptop.id].sort());
    expect(await appCodeOf(mine().sessions.end({ id: phone.id }))).toBe("SESSION_NOT_FOUND");
  });

  it("ending all the others keeps only this one, and leaves the stranger alone", async () => {
    const tablet = await cookieFor(handle.db, user, { userAgent: UA.safariIphone, ip: "198.51.100.21" });
    expect(await mine().sessions.endOthers()).toEqual({ ended: 2 });
    expect(await resolveSession(handle.db, laptop.cookie)).toBeNull();
    expect(await resolveSession(handle.db, tablet.cookie)).toBeNull();
    expect((await resolveSession(handle.db, here.cookie))?.sessionId).toBe(here.id);
    expect((await mine().sessions.list()).map((s) => ({ id: s.id, current: s.current }))).toEqual([
      { id: here.id, current: true },
    ]);
    expect(await resolveSession(handle.db, strangerCookie.cookie)).not.toBeNull();
    expect(await mine().sessions.endOthers()).toEqual({ ended: 0 });
  });

  it("ending this very session is allowed and signs this browser out", async () => {
    const other = await cookieFor(handle.db, user, { userAgent: UA.firefoxLinux, ip: "192.0.2.31" });
    const session = (await resolveSession(handle.db, other.cookie)) as SessionUser;
    const caller = callerFor({ db: handle.db, member: { ...me, session } });
    expect(await caller.sessions.end({ id: other.id })).toEqual({ current: true });
    expect(await resolveSession(handle.db, other.cookie)).toBeNull();
    expect(await resolveSession(handle.db, here.cookie)).not.toBeNull();
  });

  it("invitation acceptance stores the address and the browser of the session it opens", async () => {
    const owner = callerFor({ db: handle.db, member: me });
    const inv = await owner.invitations.create({ email: "convidada.sessoes@example.com", role: "member" });
    const joiner = callerWithCookies({
      db: handle.db,
      member: null,
      clientIp: "198.51.100.55",
      userAgent: UA.safariIphone,
    });
    await joiner.caller.invitations.accept({ token: inv.path.replace("/invite/", ""), name: "Convidada", password });
    const session = await resolveSession(handle.db, joiner.cookies.find((c) => c.name === sessionCookieName())!.value);
    const [row] = await handle.db.select().from(sessions).where(eq(sessions.id, session!.sessionId));
    expect(row).toMatchObject({ ip: "198.51.100.55", userAgent: UA.safariIphone });
  });

  it("a session opened without an address or browser is listed as unknown, not as the word 'local'", async () => {
    const anon = await cookieFor(handle.db, user, {});
    const fromLocal = await cookieFor(handle.db, user, { ip: "local", userAgent: "" });
    const list = await mine().sessions.list();
    for (const id of [anon.id, fromLocal.id]) {
      expect(list.find((s) => s.id === id)).toMatchObject({ browser: null, system: null, ip: null, current: false });
    }
  });
});

describe("sign-in (next-auth credentials)", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await getDb();
  });
  afterAll(async () => {
    await handle.close();
  });

  it("stores the address and the browser of the session it opens", async () => {
    await callerFor({ db: handle.db, member: null }).auth.signUp({
      name: "Bia",
      email: "bia.signin@example.com",
      password,
      companyName: "Loja da Bia",
    });
    const provider = authOptions().providers[0] as unknown as {
      options: {
        authorize: (
          credentials: Record<string, string>,
          req: { headers: Record<string, string> },
        ) => Promise<{ sid: string } | null>;
      };
    };
    const user = await provider.options.authorize(
      { email: "bia.signin@example.com", password },
      { headers: { "user-agent": UA.firefoxLinux, "x-forwarded-for": "192.0.2.140" } },
    );
    expect(user?.sid).toMatch(/^[0-9a-f-]{36}$/);
    const [row] = await handle.db.select().from(sessions).where(eq(sessions.id, user!.sid));
    expect(row).toMatchObject({ ip: "192.0.2.140", userAgent: UA.firefoxLinux });
  });
});
