/** The organization the page being rendered acts for (the portal.org cookie, else the first membership). */
import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { ORG_COOKIE } from "@/server/api/trpc";
import { loadOrgScope, type OrgScope } from "@/server/auth/org-scope";
import { getDb } from "@/server/db/client";

export const currentOrgScope = cache(async (userId: string): Promise<OrgScope | null> => {
  const [{ db }, jar] = await Promise.all([getDb(), cookies()]);
  return loadOrgScope(db, userId, jar.get(ORG_COOKIE)?.value ?? null);
});
