/**
 * Sessions: next-auth JWT cookies that name a row of `sessions`. `resolveSession` is the
 * one check every request goes through (tRPC context, server components): a valid
 * signature AND a live row, so revocation takes effect at the next request.
 */
import "server-only";
import { and, eq, gt, isNull, sql, type Placeholder } from "drizzle-orm";
import { decode, encode } from "next-auth/jwt";
import { getSecrets } from "@/server/config/secrets";
import type { Db } from "@/server/db/client";
import type { Timings } from "@/server/http/server-timing";
import { memberships, organizations, sessions, users } from "@/server/db/schema";
import { SESSION_MAX_AGE_SECONDS } from "./cookies";
import { scopeMembership, usableOrgHint, type OrgScope } from "./org-scope";

/** A session unused for this long ends, whatever its absolute expiry. */
export const SESSION_IDLE_SECONDS = 2 * 24 * 60 * 60;
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export interface SessionUser {
  userId: string;
  sessionId: string;
  email: string;
  name: string;
  /** The account's e-mail was proved (sign-up link or invitation); until then nothing is created at the chat provider. */
  emailVerified: boolean;
  /** Two-factor sign-in is on for this account. */
  twoFactorEnabled: boolean;
}

/** Where a session was opened from, kept so the user can recognise it in "Minha conta". */
export interface SessionClient {
  /** The request's User-Agent header. */
  userAgent?: string | null;
  /** The client address as the rate limiter sees it (ctx.clientIp / clientIpFrom). */
  ip?: string | null;
}

/** Opens a session row for a user who just proved who they are. */
export async function openSession(db: Db, userId: string, client: SessionClient = {}): Promise<string> {
  const [row] = await db
    .insert(sessions)
    .values({
      userId,
      expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
      userAgent: client.userAgent?.slice(0, 300) || null,
      ip: client.ip?.slice(0, 64) || null,
    })
    .returning({ id: sessions.id });
  if (!row) throw new Error("session insert returned nothing");
  return row.id;
}

/** A session row that still lets its cookie in: not revoked, not expired, not idle too long. */
export function liveSession(now: number = Date.now()) {
  return liveSessionAt(new Date(now), new Date(now - SESSION_IDLE_SECONDS * 1000));
}

function liveSessionAt(now: Date | Placeholder, idleSince: Date | Placeholder) {
  return and(isNull(sessions.revokedAt), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, idleSince));
}

/** The cookie value for a session: next-auth's own JWT format, so next-auth reads it too. */
export function encodeSessionToken(
  user: { id: string; email: string; name: string },
  sessionId: string,
): Promise<string> {
  return encode({
    token: { sub: user.id, email: user.email, name: user.name, sid: sessionId },
    secret: getSecrets().nextAuthSecret,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}

type Decoded = NonNullable<Awaited<ReturnType<typeof decode>>>;
/**
 * Cookies already decoded, by value. Decoding (a key derivation and an AES-GCM decryption) is a
 * pure function of the cookie and the secret, so a signed-in browser's repeat requests skip it;
 * the session row below is still checked on every request, so revocation is not delayed. An
 * entry is used only with the same secret and before the token's own expiry.
 */
const decodedCookies = new Map<string, { secret: string; token: Decoded }>();
const DECODED_COOKIES_MAX = 2_000;

async function decodeCookie(value: string, secret: string): Promise<Decoded | null> {
  const hit = decodedCookies.get(value);
  if (hit && hit.secret === secret && typeof hit.token.exp === "number" && hit.token.exp * 1000 > Date.now()) {
    return hit.token;
  }
  const token = await decode({ token: value, secret });
  if (token && typeof token.exp === "number") {
    // Oldest first out: a Map iterates in insertion order.
    if (decodedCookies.size >= DECODED_COOKIES_MAX) decodedCookies.delete(decodedCookies.keys().next().value!);
    decodedCookies.set(value, { secret, token });
  }
  return token;
}

/** The session id and user a cookie names, if its signature holds (the row is checked after). */
async function cookieClaims(
  cookieValue: string | undefined,
  timings?: Timings | null,
): Promise<{ sid: string; sub: string } | null> {
  if (!cookieValue || cookieValue.length > 8_192) return null;
  let token;
  const decodeStarted = performance.now();
  try {
    token = await decodeCookie(cookieValue, getSecrets().nextAuthSecret);
  } catch {
    return null;
  } finally {
    timings?.add("session-decode", performance.now() - decodeStarted);
  }
  const sid = typeof token?.sid === "string" ? token.sid : undefined;
  if (!token?.sub || !sid || !/^[0-9a-f-]{36}$/i.test(sid)) return null;
  return { sid, sub: token.sub };
}

const sessionUserColumns = {
  userId: users.id,
  email: users.email,
  name: users.name,
  emailVerifiedAt: users.emailVerifiedAt,
  twoFactorEnabledAt: users.twoFactorEnabledAt,
  lastSeenAt: sessions.lastSeenAt,
};
interface SessionUserRow {
  userId: string;
  email: string;
  name: string;
  emailVerifiedAt: Date | null;
  twoFactorEnabledAt: Date | null;
  lastSeenAt: Date;
}

/** The live session row of a cookie's claims, the user joined. */
function liveSessionOf(claims: { sid: string; sub: string }, now: number) {
  return and(eq(sessions.id, claims.sid), eq(sessions.userId, claims.sub), liveSession(now));
}

/** The row as the rest of the app sees it; touches the row when it was last seen a while ago. */
async function sessionUserOf(db: Db, sid: string, row: SessionUserRow, now: number): Promise<SessionUser> {
  // Idle expiry needs to know the session is in use; a touch every few minutes is enough.
  if (now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.id, sid));
  }
  return {
    userId: row.userId,
    sessionId: sid,
    email: row.email,
    name: row.name,
    emailVerified: row.emailVerifiedAt !== null,
    twoFactorEnabled: row.twoFactorEnabledAt !== null,
  };
}

/** The signed-in user behind a cookie value, or null (missing, tampered, expired or revoked). */
export async function resolveSession(
  db: Db,
  cookieValue: string | undefined,
  timings?: Timings | null,
): Promise<SessionUser | null> {
  const claims = await cookieClaims(cookieValue, timings);
  if (!claims) return null;
  const now = Date.now();
  const rowStarted = performance.now();
  const [row] = await db
    .select(sessionUserColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(liveSessionOf(claims, now))
    .limit(1);
  timings?.add("session-row", performance.now() - rowStarted);
  return row ? sessionUserOf(db, claims.sid, row, now) : null;
}

function prepareSessionAndScope(db: Db, hinted: boolean) {
  return db
    .select({ ...sessionUserColumns, org: organizations, membership: memberships })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(memberships, scopeMembership(sessions.userId, hinted ? sql.placeholder("orgHint") : null))
    .leftJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(
      and(
        eq(sessions.id, sql.placeholder("sid")),
        eq(sessions.userId, sql.placeholder("sub")),
        liveSessionAt(sql.placeholder("now"), sql.placeholder("idleSince")),
      ),
    )
    .limit(1)
    .prepare(hinted ? "session_and_scope_hinted" : "session_and_scope_first");
}

type SessionAndScopeQuery = ReturnType<typeof prepareSessionAndScope>;
/**
 * Built once per database and kind of hint: every signed-in request runs this query, and a
 * prepared statement skips building it each time (and PostgreSQL parses and plans it once per
 * connection).
 */
const sessionAndScopeQueries = new WeakMap<Db, { hinted?: SessionAndScopeQuery; first?: SessionAndScopeQuery }>();

function sessionAndScopeQuery(db: Db, hinted: boolean): SessionAndScopeQuery {
  const forDb = sessionAndScopeQueries.get(db) ?? sessionAndScopeQueries.set(db, {}).get(db)!;
  const key = hinted ? "hinted" : "first";
  return (forDb[key] ??= prepareSessionAndScope(db, hinted));
}

/**
 * resolveSession and the organization the request acts for (server/auth/org-scope.ts) in one
 * query: every tRPC request of a signed-in page needs both, and on PostgreSQL each round trip
 * costs both processes CPU. `scope` is null when the user belongs to no (or not the hinted)
 * organization.
 */
export async function resolveSessionAndScope(
  db: Db,
  cookieValue: string | undefined,
  orgHint: string | null,
  timings?: Timings | null,
): Promise<{ session: SessionUser | null; scope: OrgScope | null }> {
  const claims = await cookieClaims(cookieValue, timings);
  if (!claims) return { session: null, scope: null };
  const now = Date.now();
  const rowStarted = performance.now();
  const hinted = usableOrgHint(orgHint);
  const [row] = await sessionAndScopeQuery(db, hinted).execute({
    sid: claims.sid,
    sub: claims.sub,
    now: new Date(now).toISOString(),
    idleSince: new Date(now - SESSION_IDLE_SECONDS * 1000).toISOString(),
    ...(hinted ? { orgHint } : {}),
  });
  timings?.add("session-row", performance.now() - rowStarted);
  if (!row) return { session: null, scope: null };
  const { org, membership, ...user } = row;
  return {
    session: await sessionUserOf(db, claims.sid, user, now),
    scope: org && membership ? { org, membership } : null,
  };
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId));
}

/** "Sign out everywhere", password change: every session of the user ends. */
export async function revokeAllSessions(db: Db, userId: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
