/** The session of the request being rendered (Server Components, route handlers). */
import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { getDb } from "@/server/db/client";
import { sessionCookieName } from "./cookies";
import { resolveSession, type SessionUser } from "./session";
import { loadStaff, type StaffMember } from "./staff";

export const currentSession = cache(async (): Promise<SessionUser | null> => {
  const cookie = (await cookies()).get(sessionCookieName())?.value;
  // No cookie, no session: an anonymous page (sign-in) never waits for the database to open.
  if (!cookie) return null;
  const { db } = await getDb();
  return resolveSession(db, cookie);
});

/** The platform staff account of the request's session, or null (not signed in, or not staff). */
export const currentStaff = cache(async (): Promise<StaffMember | null> => {
  const session = await currentSession();
  if (!session) return null;
  const { db } = await getDb();
  return loadStaff(db, session.userId);
});
