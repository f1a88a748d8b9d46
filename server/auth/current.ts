/** The session of the request being rendered (Server Components, route handlers). */
import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { getDb } from "@/server/db/client";
import { sessionCookieName } from "./cookies";
import { resolveSession, type SessionUser } from "./session";

export const currentSession = cache(async (): Promise<SessionUser | null> => {
  const [{ db }, jar] = await Promise.all([getDb(), cookies()]);
  return resolveSession(db, jar.get(sessionCookieName())?.value);
});
