/**
 * Integration-test plumbing: people and organizations made directly in the database,
 * and tRPC callers acting as them (anonymous, a member of any role, of any organization).
 */
import { randomBytes } from "node:crypto";
import { createCaller } from "@/server/api/root";
import { createContextInner, type CookieOptions } from "@/server/api/trpc";
import { hashPassword } from "@/server/auth/password";
import { openSession, type SessionUser } from "@/server/auth/session";
import type { Db } from "@/server/db/client";
import { memberships, organizations, users, type MemberRole } from "@/server/db/schema";
import type { ChatProvider } from "@/server/providers/types";

export interface TestMember {
  session: SessionUser;
  organizationId: string;
  role: MemberRole;
}

let fastHash: Promise<string> | undefined;

/** A user with a live session, member of `organizationId` (a new organization when omitted). */
export async function createMember(
  db: Db,
  opts: { role?: MemberRole; organizationId?: string; name?: string; emailVerified?: boolean } = {},
): Promise<TestMember> {
  const role = opts.role ?? "owner";
  fastHash ??= hashPassword("test password 123456");
  const email = `t-${randomBytes(6).toString("hex")}@example.com`;
  const [user] = await db
    .insert(users)
    .values({
      name: opts.name ?? "Test User",
      email,
      passwordHash: await fastHash,
      emailVerifiedAt: opts.emailVerified === false ? null : new Date(),
    })
    .returning();
  let organizationId = opts.organizationId;
  if (!organizationId) {
    const [org] = await db
      .insert(organizations)
      .values({ name: `Org ${email}` })
      .returning();
    organizationId = org!.id;
  }
  await db.insert(memberships).values({ organizationId, userId: user!.id, role });
  const sessionId = await openSession(db, user!.id);
  return {
    session: {
      userId: user!.id,
      sessionId,
      email,
      name: user!.name,
      emailVerified: opts.emailVerified !== false,
      twoFactorEnabled: false,
    },
    organizationId,
    role,
  };
}

export interface CallerOptions {
  db: Db;
  provider?: ChatProvider;
  member?: TestMember | null;
  /** Overrides the organization the caller claims to act for. */
  orgHint?: string | null;
  /** The caller's address (rate limits); a fresh one per caller by default. */
  clientIp?: string;
  /** The caller's User-Agent header; none by default. */
  userAgent?: string | null;
  /** The caller's UI language (what the server writes to them, e.g. e-mails); pt-BR by default. */
  locale?: "pt-BR" | "en";
  /** The origin the caller's browser used (links in e-mails when PUBLIC_URL is unset). */
  requestOrigin?: string | null;
}

/** Where the test callers' browsers are: links in e-mails start with it unless PUBLIC_URL is set. */
export const TEST_REQUEST_ORIGIN = "http://portal.test:3210";

export type SetCookie = { name: string; value: string; options: CookieOptions };

/** A tRPC caller as an anonymous visitor (member: null) or as a member. */
export function callerFor(opts: CallerOptions) {
  return callerWithCookies(opts).caller;
}

/** The same, plus the cookies the procedures set (e.g. the session cookie of a sign-up). */
export function callerWithCookies(opts: CallerOptions) {
  const cookies: SetCookie[] = [];
  const ctx = createContextInner({
    db: opts.db,
    session: opts.member?.session ?? null,
    orgHint: opts.orgHint !== undefined ? opts.orgHint : (opts.member?.organizationId ?? null),
    clientIp: opts.clientIp ?? `10.${randomBytes(3).join(".")}`,
    userAgent: opts.userAgent ?? null,
    locale: opts.locale,
    requestOrigin: opts.requestOrigin !== undefined ? opts.requestOrigin : TEST_REQUEST_ORIGIN,
    provider:
      opts.provider ??
      (() => {
        throw new Error("this test gave the caller no chat provider");
      }),
    setCookie: (name, value, options) => cookies.push({ name, value, options }),
  });
  return { caller: createCaller(ctx), cookies, ctx };
}
