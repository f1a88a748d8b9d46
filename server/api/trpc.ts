/**
 * tRPC initialisation: the context, the error formatter and the base procedures.
 *
 *   publicProcedure     anyone (an explicit, short allowlist — see tests/security)
 *   protectedProcedure  a live session (ctx.session guaranteed)
 *   orgProcedure        a member of the active organization (ctx.org, ctx.membership, and
 *                       ctx.scope: { organizationId, actorUserId } for the provisioning calls)
 *   adminProcedure      orgProcedure + role owner/admin
 *   ownerProcedure      orgProcedure + role owner
 *   staffProcedure      protectedProcedure + platform staff with two-factor on (ctx.staff): the console
 *
 * Writes use ctx.org.id, never an organization id taken from the input.
 */
import { randomUUID } from "node:crypto";
import { initTRPC, StandardSchemaV1Error, TRPCError } from "@trpc/server";
import { $ZodError } from "zod/v4/core";
import { defaultLocale, type Locale } from "@/lib/i18n/config";
import { loadOrgScope, loadSupportScope, type OrgScope } from "@/server/auth/org-scope";
import type { SessionUser } from "@/server/auth/session";
import { loadStaff } from "@/server/auth/staff";
import { mustEnrolTwoFactor } from "@/server/auth/two-factor-rule";
import type { Db } from "@/server/db/client";
import type { Membership, MemberRole } from "@/server/db/schema";
import type { Timings } from "@/server/http/server-timing";
import { logger, type Logger } from "@/server/log";
import { isProviderError } from "@/server/providers/errors";
import { APP_ERROR_CODES, appError, appErrorOf } from "@/server/errors";
import type { AppErrorInfo } from "@/server/errors";
import { appErrorFromProvider } from "@/server/errors/vendor";
import { getChatProvider } from "@/server/providers";
import type { ChatProvider } from "@/server/providers/types";
import { hit, throwIfRefused } from "@/server/security/rate-limit";
import { withSyncValidation } from "./sync-validation";
import { serverTransformer } from "./transformer";

/** The header the browser's tRPC client sends to say which organization the page belongs to. */
export const ORG_HEADER = "x-organization-id";
/** The cookie that remembers the organization last worked on (server components, new tabs). */
export const ORG_COOKIE = "portal.org";

/** Sets a response cookie (route handler: Set-Cookie header; server action: next/headers). */
export type CookieSetter = (name: string, value: string, options: CookieOptions) => void;
export interface CookieOptions {
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: "lax" | "strict";
  path?: string;
  maxAge?: number;
}

export interface ContextInner {
  db: Db;
  /** The chat provider (from configuration; tests pass one pointed at the emulator). */
  provider: ChatProvider;
  setCookie: CookieSetter;
  session: SessionUser | null;
  /** The organization the caller says it acts for; checked against memberships before use. */
  orgHint: string | null;
  /**
   * The organization scope for `orgHint`, when it was resolved together with the session
   * (server/auth/session.ts's resolveSessionAndScope); undefined: orgProcedure loads it.
   */
  orgScope?: OrgScope | null;
  /** The caller's address, for rate limits ("local" when unknown). */
  clientIp: string;
  /** The caller's User-Agent header (null when absent): stored with the sessions it opens. */
  userAgent: string | null;
  /** The caller's UI language (NEXT_LOCALE cookie), for what the server writes to them (e-mails). */
  locale: Locale;
  /**
   * The origin the browser used (null outside a request): links in e-mails start with it in
   * development; production always uses PUBLIC_URL (server/http/public-origin.ts).
   */
  requestOrigin: string | null;
  requestId: string;
  log: Logger;
  /** Profiling spans (SERVER_TIMING=1, HTTP requests only). */
  timings?: Timings | null;
}

export type ContextInput = Omit<
  ContextInner,
  "requestId" | "log" | "provider" | "clientIp" | "userAgent" | "locale" | "requestOrigin"
> & {
  requestOrigin?: string | null;
  requestId?: string;
  clientIp?: string;
  userAgent?: string | null;
  locale?: Locale;
  provider?: ChatProvider | (() => ChatProvider);
};

export function createContextInner(opts: ContextInput): ContextInner {
  const requestId = opts.requestId ?? randomUUID();
  const { provider, ...rest } = opts;
  return {
    ...rest,
    clientIp: rest.clientIp ?? "local",
    userAgent: rest.userAgent ?? null,
    locale: rest.locale ?? defaultLocale,
    requestOrigin: rest.requestOrigin ?? null,
    requestId,
    log: logger.child({ requestId }),
    provider: resolveProvider(provider),
  };
}

/**
 * The provider for this context. tRPC spreads contexts between middlewares, so a lazy getter
 * would run anyway: resolve now, and if configuration is missing, hand out a stand-in that
 * fails only when a procedure actually calls the vendor.
 */
function resolveProvider(provider: ContextInput["provider"]): ChatProvider {
  if (typeof provider === "object") return provider;
  try {
    return typeof provider === "function" ? provider() : getChatProvider();
  } catch (error) {
    return new Proxy({} as ChatProvider, {
      get() {
        throw error;
      },
    });
  }
}

export type Context = ContextInner;

/** Field → message keys, from a failed input validation. */
export type FieldErrors = Record<string, string[]>;

function fieldErrorsOf(cause: unknown): FieldErrors | null {
  // tRPC runs a zod schema through its own parseAsync (a ZodError, or zod/mini's $ZodError: the
  // shared lib/validation schemas), other validators through Standard Schema.
  if (!(cause instanceof StandardSchemaV1Error) && !(cause instanceof $ZodError)) return null;
  const out: FieldErrors = {};
  for (const issue of cause.issues) {
    const key = (issue.path ?? []).map((p) => (typeof p === "object" ? String(p.key) : String(p))).join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** What a procedure declares about itself, read by the middlewares below. */
export interface ProcedureMeta {
  /**
   * A mutation a user whose e-mail is not yet verified may still call (the wizard's steps
   * that create nothing at the chat provider). Every other organization mutation waits for
   * the verified e-mail.
   */
  allowUnverified?: boolean;
  /**
   * The answer carries a credential (the chat's operator accessToken): refused to platform staff
   * in support mode, who only ever look.
   */
  revealsSecret?: boolean;
  /**
   * A mutation that changes nothing of the organization's: a POST only because it keeps a record
   * of what it saw (sync.compare reads the chat provider and remembers the differences). Platform
   * staff in support mode may call it; it then keeps nothing.
   */
  looksOnly?: boolean;
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer: serverTransformer,
    errorFormatter({ shape, error, ctx }) {
      const info = appErrorOf(error)?.info ?? null;
      // The provider's per-field messages travel in data.fieldErrors, like the input validation's.
      const { fieldErrors: providerFieldErrors, ...appErrRest } = info ?? {};
      const appErr = info ? (appErrRest as Omit<AppErrorInfo, "fieldErrors">) : null;
      const fieldErrors = fieldErrorsOf(error.cause) ?? providerFieldErrors ?? null;
      const internal = error.code === "INTERNAL_SERVER_ERROR" && !appErr;
      return {
        ...shape,
        // Unknown errors never carry their message, stack, SQL or host names to the browser.
        message: internal ? "INTERNAL" : shape.message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          requestId: ctx?.requestId ?? null,
          appError:
            appErr ??
            (fieldErrors || error.code === "BAD_REQUEST"
              ? { code: "VALIDATION" as const }
              : internal
                ? { code: "INTERNAL" as const }
                : null),
          fieldErrors,
        },
      };
    },
  });

/** The tRPC instance itself, for @trpc/next's server-action handler (server/api/actions.ts). */
export const trpcInstance = t;
export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/**
 * The TRPCError for an AppError (or a vendor failure, mapped in server/errors/vendor.ts): the
 * code and HTTP status its app code names, the AppError kept as its cause for the error
 * formatter. Null for anything else.
 */
function trpcErrorOf(error: unknown): TRPCError | null {
  const app = isProviderError(error) ? appErrorFromProvider(error) : appErrorOf(error);
  return app ? new TRPCError({ code: APP_ERROR_CODES[app.info.code], message: app.info.code, cause: app }) : null;
}

/** The one mapping of domain errors to tRPC errors, for every procedure (HTTP, callers, server actions). */
const appErrors = t.middleware(async ({ ctx, next }) => {
  const started = ctx.timings ? performance.now() : 0;
  const result = await next();
  ctx.timings?.add("procedure", performance.now() - started);
  if (result.ok) return result;
  const mapped = trpcErrorOf(result.error.cause);
  if (mapped) throw mapped;
  return result;
});

export const publicProcedure = withSyncValidation(t.procedure).use(appErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) throw appError("UNAUTHENTICATED");
  return next({ ctx: { session: ctx.session } });
});

export const orgProcedure = protectedProcedure.use(async ({ ctx, type, meta, next }) => {
  const scopeStarted = ctx.timings ? performance.now() : 0;
  // HTTP requests resolved it with the session (one query); callers and server components load it here.
  let scope = ctx.orgScope !== undefined ? ctx.orgScope : await loadOrgScope(ctx.db, ctx.session.userId, ctx.orgHint);
  // Not a member of the hinted organization: platform staff may look at it under a live support grant.
  if (!scope && ctx.orgScope !== undefined) scope = await loadSupportScope(ctx.db, ctx.session.userId, ctx.orgHint);
  ctx.timings?.add("org-scope", performance.now() - scopeStarted);
  // Not a member (or a hint naming someone else's organization): same answer either way.
  if (!scope) throw appError("FORBIDDEN");
  if (scope.support) {
    // Support access only looks: no change of any kind, no credential.
    if (type === "mutation" && !meta?.looksOnly) throw appError("SUPPORT_READ_ONLY");
    if (meta?.revealsSecret) throw appError("SUPPORT_NO_SECRETS");
  } else if (scope.org.suspendedAt) {
    // A suspended organization's members still sign in (account pages) but reach nothing of it.
    throw appError("ORGANIZATION_SUSPENDED");
  }
  // The organization requires two-factor for owners and admins: nothing changes until they turn it on.
  if (type === "mutation" && mustEnrolTwoFactor(ctx.session, scope)) throw appError("TWO_FACTOR_ENROLMENT_REQUIRED");
  // Nothing is created or changed for an organization by someone whose e-mail is unproven.
  if (type === "mutation" && !ctx.session.emailVerified && !meta?.allowUnverified) {
    throw appError("EMAIL_NOT_VERIFIED", { params: { email: ctx.session.email } });
  }
  // Every mutation of an organization spends from its per-minute budget, before any work.
  if (type === "mutation") {
    const refusal = await hit("orgMutations", scope.org.id);
    throwIfRefused(refusal);
  }
  return next({
    ctx: {
      org: scope.org,
      membership: scope.membership,
      /** Set when platform staff look at the organization under a support grant (read-only). */
      support: scope.support ?? null,
      /** What every provisioning call is scoped by: this organization, done by this user. */
      scope: { organizationId: scope.org.id, actorUserId: ctx.session.userId },
    },
  });
});

const ROLE_RANK: Record<MemberRole, number> = { member: 1, admin: 2, owner: 3 };

export function hasRole(role: MemberRole, atLeast: MemberRole): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[atLeast];
}

function requireRole(atLeast: MemberRole) {
  return t.middleware(({ ctx, next }) => {
    const membership = (ctx as { membership?: Membership }).membership;
    if (!membership || !hasRole(membership.role, atLeast)) throw appError("FORBIDDEN");
    return next();
  });
}

export const adminProcedure = orgProcedure.use(requireRole("admin"));
export const ownerProcedure = orgProcedure.use(requireRole("owner"));

export { TRPCError };

/**
 * The console's procedures (/admin): platform staff only, and only with two-factor sign-in on.
 * Not an organization scope: a staff procedure names the organization it acts on in its input,
 * and every change it makes is audited with `auditStaffAction` (server/audit/staff.ts).
 */
export const staffProcedure = protectedProcedure.use(async ({ ctx, next }) => {
  const staff = await loadStaff(ctx.db, ctx.session.userId);
  if (!staff) throw appError("FORBIDDEN");
  if (!staff.twoFactorEnabled) throw appError("STAFF_TWO_FACTOR_REQUIRED");
  return next({ ctx: { staff: { userId: staff.userId, email: staff.email, name: staff.name } } });
});
