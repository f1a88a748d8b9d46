import { TRPCError } from "@trpc/server";
import { parseOptions } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyCredentials } from "@/server/auth/accounts";
import { sessionCookieName } from "@/server/auth/cookies";
import {
  encodeSessionToken,
  openSession,
  resolveSession,
  resolveSessionAndScope,
  revokeAllSessions,
  revokeSession,
  SESSION_IDLE_SECONDS,
} from "@/server/auth/session";
import type { DbHandle } from "@/server/db/client";
import { memberships, organizations, sessions, users } from "@/server/db/schema";
import { createTestDb, testDbKinds } from "../helpers/db";
import { callerFor, callerWithCookies } from "../helpers/context";

const password = "uma frase secreta bem longa";

function trpcErrorOf(e: unknown): TRPCError {
  expect(e).toBeInstanceOf(TRPCError);
  return e as TRPCError;
}

describe.each(testDbKinds())("sign-up and sessions on %s", (kind) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb(kind);
  });
  afterAll(async () => {
    await handle.close();
  });

  const input = (email: string) => ({ name: "Ana Lima", email, password, companyName: "Loja da Ana" });

  it("creates the user, the organization and the owner membership, and signs the user in", async () => {
    const { caller, cookies } = callerWithCookies({ db: handle.db, member: null });
    const { organizationId } = await caller.auth.signUp(input("Ana@Example.com"));

    const [user] = await handle.db.select().from(users).where(eq(users.email, "ana@example.com"));
    expect(user?.name).toBe("Ana Lima");
    const [org] = await handle.db.select().from(organizations).where(eq(organizations.id, organizationId));
    expect(org?.name).toBe("Loja da Ana");
    const [membership] = await handle.db.select().from(memberships).where(eq(memberships.userId, user!.id));
    expect(membership).toMatchObject({ organizationId, role: "owner" });

    const cookie = cookies.find((c) => c.name === sessionCookieName());
    expect(cookie?.options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/" });
    const session = await resolveSession(handle.db, cookie!.value);
    expect(session).toMatchObject({ userId: user!.id, email: "ana@example.com", name: "Ana Lima" });
  });

  it("stores an argon2id hash with OWASP parameters, never the password", async () => {
    const [user] = await handle.db.select().from(users).where(eq(users.email, "ana@example.com"));
    expect(user!.passwordHash).not.toContain(password);
    expect(user!.passwordHash.startsWith("$argon2id$")).toBe(true);
    const params = parseOptions(user!.passwordHash);
    expect(params).toMatchObject({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  });

  it("refuses a second account with the same e-mail (any case) next to the e-mail field", async () => {
    const caller = callerFor({ db: handle.db, member: null });
    const error = trpcErrorOf(await caller.auth.signUp(input("ANA@example.com")).catch((e: unknown) => e));
    expect(error.code).toBe("CONFLICT");
    expect(error.cause).toMatchObject({ info: { code: "EMAIL_TAKEN", field: "email" } });
  });

  it("two simultaneous sign-ups with one e-mail create one user", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        callerFor({ db: handle.db, member: null }).auth.signUp(input("race@example.com")),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rows = await handle.db.select().from(users).where(eq(users.email, "race@example.com"));
    expect(rows).toHaveLength(1);
  });

  it.each([
    ["short", "curta", "validation.passwordTooShort"],
    ["common", "password1234", "validation.passwordTooCommon"],
    ["too long", "x".repeat(129), "validation.passwordTooLong"],
  ])("refuses a %s password with a message key for the password field", async (_label, weak, key) => {
    const caller = callerFor({ db: handle.db, member: null });
    const error = trpcErrorOf(
      await caller.auth.signUp({ ...input("weak@example.com"), password: weak }).catch((e: unknown) => e),
    );
    expect(error.code).toBe("BAD_REQUEST");
    const formatted = error.cause as { issues?: Array<{ path: string[]; message: string }> };
    expect(formatted.issues?.some((i) => i.path.join(".") === "password" && i.message === key)).toBe(true);
  });

  it("refuses unknown keys in the input", async () => {
    const caller = callerFor({ db: handle.db, member: null });
    const error = trpcErrorOf(
      await caller.auth.signUp({ ...input("extra@example.com"), role: "admin" } as never).catch((e: unknown) => e),
    );
    expect(error.code).toBe("BAD_REQUEST");
  });

  it("checks credentials: right password, wrong password, unknown e-mail", async () => {
    expect((await verifyCredentials(handle.db, "ana@example.com", password))?.email).toBe("ana@example.com");
    expect(await verifyCredentials(handle.db, "ana@example.com", "not the password at all")).toBeNull();
    expect(await verifyCredentials(handle.db, "nobody@example.com", password)).toBeNull();
  });

  it("a revoked session is refused at the next request; sign-out everywhere ends them all", async () => {
    const { caller, cookies } = callerWithCookies({ db: handle.db, member: null });
    await caller.auth.signUp(input("revoke@example.com"));
    const cookie = cookies.find((c) => c.name === sessionCookieName())!.value;
    const session = await resolveSession(handle.db, cookie);
    expect(session).not.toBeNull();

    await revokeSession(handle.db, session!.sessionId);
    expect(await resolveSession(handle.db, cookie)).toBeNull();

    const [user] = await handle.db.select().from(users).where(eq(users.email, "revoke@example.com"));
    const a = await encodeSessionToken(user!, await openSession(handle.db, user!.id));
    const b = await encodeSessionToken(user!, await openSession(handle.db, user!.id));
    expect(await resolveSession(handle.db, a)).not.toBeNull();
    await revokeAllSessions(handle.db, user!.id);
    expect(await resolveSession(handle.db, a)).toBeNull();
    expect(await resolveSession(handle.db, b)).toBeNull();
  });

  it("resolves the session and the organization scope in one query: the hinted one, else the oldest, never a stranger's", async () => {
    const first = callerWithCookies({ db: handle.db, member: null });
    const { organizationId: ownOrg } = await first.caller.auth.signUp(input("scope@example.com"));
    const cookie = first.cookies.find((c) => c.name === sessionCookieName())!.value;
    const [user] = await handle.db.select().from(users).where(eq(users.email, "scope@example.com"));
    // A second organization the user joined later, as a member, and one they never joined.
    const [later] = await handle.db.insert(organizations).values({ name: "Filial" }).returning();
    await handle.db.insert(memberships).values({ organizationId: later!.id, userId: user!.id, role: "member" });
    const [stranger] = await handle.db.insert(organizations).values({ name: "Outra loja" }).returning();

    const oldest = await resolveSessionAndScope(handle.db, cookie, null);
    expect(oldest.session).toMatchObject({ userId: user!.id, email: "scope@example.com" });
    expect(oldest.scope).toMatchObject({ org: { id: ownOrg }, membership: { role: "owner", userId: user!.id } });

    const hinted = await resolveSessionAndScope(handle.db, cookie, later!.id);
    expect(hinted.scope).toMatchObject({ org: { id: later!.id, name: "Filial" }, membership: { role: "member" } });

    for (const hint of [stranger!.id, "not-a-uuid"]) {
      const result = await resolveSessionAndScope(handle.db, cookie, hint);
      expect(result.session?.userId).toBe(user!.id);
      // A foreign organization resolves to nothing (FORBIDDEN); garbage falls back to the oldest.
      expect(result.scope?.org.id ?? null).toBe(hint === "not-a-uuid" ? ownOrg : null);
    }

    await revokeSession(handle.db, oldest.session!.sessionId);
    expect(await resolveSessionAndScope(handle.db, cookie, ownOrg)).toEqual({ session: null, scope: null });
  });

  it("tampered, foreign or garbage cookies resolve to no session (never throw)", async () => {
    const [user] = await handle.db.select().from(users).where(eq(users.email, "ana@example.com"));
    const good = await encodeSessionToken(user!, await openSession(handle.db, user!.id));
    const flipped = good.slice(0, 40) + (good[40] === "A" ? "B" : "A") + good.slice(41);
    const alg = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");
    const payload = Buffer.from(
      JSON.stringify({ sub: user!.id, sid: "00000000-0000-0000-0000-000000000000" }),
    ).toString("base64url");
    for (const bad of [flipped, `${alg}.${payload}.`, "garbage", "", "a".repeat(10_000)]) {
      expect(await resolveSession(handle.db, bad)).toBeNull();
    }
  });

  it("a session unused for longer than the idle limit ends; use keeps it alive", async () => {
    const [user] = await handle.db.select().from(users).where(eq(users.email, "ana@example.com"));
    const sid = await openSession(handle.db, user!.id);
    const cookie = await encodeSessionToken(user!, sid);
    await handle.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 60 * 60 * 1000) })
      .where(eq(sessions.id, sid));
    expect(await resolveSession(handle.db, cookie)).not.toBeNull();
    const [touched] = await handle.db.select().from(sessions).where(eq(sessions.id, sid));
    expect(Date.now() - touched!.lastSeenAt.getTime()).toBeLessThan(60_000);
    await handle.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - (SESSION_IDLE_SECONDS + 60) * 1000) })
      .where(eq(sessions.id, sid));
    expect(await resolveSession(handle.db, cookie)).toBeNull();
  });

  it("me.signOutEverywhere ends every session of the user at the next request", async () => {
    const [user] = await handle.db.select().from(users).where(eq(users.email, "ana@example.com"));
    const cookies = await Promise.all(
      [1, 2].map(async () => encodeSessionToken(user!, await openSession(handle.db, user!.id))),
    );
    const session = await resolveSession(handle.db, cookies[0]);
    const [membership] = await handle.db.select().from(memberships).where(eq(memberships.userId, user!.id));
    await callerFor({
      db: handle.db,
      member: { session: session!, organizationId: membership!.organizationId, role: "owner" },
    }).me.signOutEverywhere();
    for (const c of cookies) expect(await resolveSession(handle.db, c)).toBeNull();
  });
});
