/**
 * The user's own sessions, as "Minha conta" shows them: the live ones (the same rule as
 * resolveSession), and ending one or all the others. Every query is scoped to the user, so
 * another person's session id behaves exactly like an id that does not exist.
 */
import "server-only";
import { and, desc, eq, ne } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { sessions } from "@/server/db/schema";
import { liveSession } from "./session";
import { summarizeUserAgent } from "./user-agent";

export interface UserSessionView {
  id: string;
  /** "Chrome 131"; null when the browser could not be told. */
  browser: string | null;
  /** "Windows", "iPhone"; null when unknown. */
  system: string | null;
  /** The address it was opened from; null when unknown. */
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  /** The session making this request. */
  current: boolean;
}

/** The rate limiter's word for "no address was given" is not an address to show. */
function shownIp(ip: string | null): string | null {
  return ip && ip !== "local" ? ip : null;
}

/** The user's live sessions, most recently used first. */
export async function listUserSessions(db: Db, userId: string, currentSessionId: string): Promise<UserSessionView[]> {
  const rows = await db
    .select({
      id: sessions.id,
      userAgent: sessions.userAgent,
      ip: sessions.ip,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), liveSession()))
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt))
    .limit(200);
  return rows.map((row) => ({
    id: row.id,
    ...summarizeUserAgent(row.userAgent),
    ip: shownIp(row.ip),
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    current: row.id === currentSessionId,
  }));
}

/** Ends one live session of the user; false when there is none by that id (ended, or someone else's). */
export async function endUserSession(db: Db, userId: string, sessionId: string): Promise<boolean> {
  const ended = await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), liveSession()))
    .returning({ id: sessions.id });
  return ended.length > 0;
}

/** Ends every live session of the user except the current one; how many ended. */
export async function endOtherUserSessions(db: Db, userId: string, currentSessionId: string): Promise<number> {
  const ended = await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, userId), ne(sessions.id, currentSessionId), liveSession()))
    .returning({ id: sessions.id });
  return ended.length;
}
