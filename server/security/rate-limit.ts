/**
 * Rate limits on the doors attackers knock at (sign-in, sign-up, invitation acceptance,
 * password reset) and on what an organization can make the portal do at the chat provider
 * per minute.
 * rate-limiter-flexible: in memory with the embedded database (one process), in Postgres
 * (the `rate_limits` table, atomic upserts) when DATABASE_URL is set, so that several
 * instances share their counters.
 */
import "server-only";
import { RateLimiterDrizzle, RateLimiterMemory, type RateLimiterAbstract } from "rate-limiter-flexible";
import { appError } from "@/server/errors";
import { getDb, type DbHandle } from "@/server/db/client";
import { rateLimits } from "@/server/db/schema";
import { processWide } from "@/server/process/process-wide";

function positiveInt(value: string | undefined): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** The policies: failures (or attempts) allowed per window (seconds). */
export const RATE_LIMITS = {
  /** Wrong passwords for one account from one IP. */
  signInAccountIp: { points: 10, duration: 15 * 60 },
  /** Wrong passwords from one IP, whatever the account (one IP trying many e-mails). */
  signInIp: { points: 50, duration: 15 * 60 },
  /** Wrong two-factor codes (app or recovery) for one account from one IP. */
  twoFactorAccountIp: { points: 10, duration: 15 * 60 },
  /** Wrong two-factor codes for one account from anywhere: the password is already known, only 10⁶ codes remain. */
  twoFactorAccount: { points: 30, duration: 15 * 60 },
  /** Wrong two-factor codes from one IP, whatever the account. */
  twoFactorIp: { points: 50, duration: 15 * 60 },
  /** Accounts created from one IP (RATE_LIMIT_SIGN_UPS_PER_HOUR: e.g. behind a shared office NAT). */
  signUpIp: { points: positiveInt(process.env.RATE_LIMIT_SIGN_UPS_PER_HOUR) ?? 10, duration: 60 * 60 },
  /** Invitation acceptances (and token guesses) from one IP. */
  invitationIp: { points: 20, duration: 15 * 60 },
  /** Invitation acceptances of one invitation link (whoever tries it). */
  invitationToken: { points: 10, duration: 15 * 60 },
  /** "Esqueci minha senha" requests from one IP, whatever the e-mail. */
  passwordResetIp: { points: 10, duration: 60 * 60 },
  /**
   * Reset e-mails to one address, counted for unknown addresses too, so the refusal does not
   * tell whether an account exists; it also keeps anyone from flooding someone's inbox.
   */
  passwordResetEmail: { points: 3, duration: 60 * 60 },
  /** New-password submissions (and reset-token guesses) from one IP. */
  passwordResetConfirmIp: { points: 20, duration: 15 * 60 },
  /** Verification e-mails a signed-in user asks for again ("Reenviar e-mail"). */
  emailVerificationUser: { points: 3, duration: 60 * 60 },
  /** Verification e-mails asked for from one IP (resends and e-mail changes), whatever the account. */
  emailVerificationIp: { points: 20, duration: 60 * 60 },
  /** E-mail change requests of one user (each e-mails two addresses). */
  emailChangeUser: { points: 5, duration: 60 * 60 },
  /** Verification-link submissions (and token guesses) from one IP. */
  /** E-mail confirmations from one IP (RATE_LIMIT_EMAIL_CONFIRMATIONS_PER_15_MINUTES, like sign-ups). */
  emailVerificationConfirmIp: {
    points: positiveInt(process.env.RATE_LIMIT_EMAIL_CONFIRMATIONS_PER_15_MINUTES) ?? 30,
    duration: 15 * 60,
  },
  /**
   * Mutations of one organization (they create and change things at the chat provider):
   * generous for people, a ceiling for a runaway script or a stolen session.
   */
  orgMutations: { points: positiveInt(process.env.RATE_LIMIT_ORG_MUTATIONS_PER_MINUTE) ?? 300, duration: 60 },
} as const;

export type RateLimitName = keyof typeof RATE_LIMITS;

/**
 * One limiter per policy for the whole process (processWide): Next bundles this module more
 * than once (the tRPC route, the server actions of the sign-up and reset forms, next-auth's route),
 * and with the embedded database the counts live in memory, so every copy must count in the same
 * limiter. Otherwise each door would have a budget per bundle.
 */
const limiters = processWide("__portalRateLimiters", () => new Map<RateLimitName, Promise<RateLimiterAbstract>>());

/** A limiter for one policy over a given database handle (memory for PGlite, the rate_limits table for Postgres). */
export function createRateLimiter(
  name: RateLimitName,
  { db, kind }: Pick<DbHandle, "db" | "kind">,
): RateLimiterAbstract {
  const policy = { keyPrefix: name, ...RATE_LIMITS[name] };
  return kind === "postgres"
    ? new RateLimiterDrizzle({ ...policy, storeClient: db, schema: rateLimits })
    : new RateLimiterMemory(policy);
}

async function limiter(name: RateLimitName): Promise<RateLimiterAbstract> {
  let existing = limiters.get(name);
  if (!existing) {
    existing = getDb().then((handle) => createRateLimiter(name, handle));
    limiters.set(name, existing);
  }
  return existing;
}

export interface Refusal {
  retryAfterSeconds: number;
}

function isRateLimiterRes(value: unknown): value is { msBeforeNext: number } {
  return typeof value === "object" && value !== null && "msBeforeNext" in value;
}

/** Counts one attempt; a Refusal when the budget is spent. */
export async function hit(name: RateLimitName, key: string): Promise<Refusal | null> {
  try {
    await (await limiter(name)).consume(key);
    return null;
  } catch (rejection) {
    if (isRateLimiterRes(rejection))
      return { retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    throw rejection;
  }
}

/** A Refusal when the budget is already spent, without counting this look. */
export async function check(name: RateLimitName, key: string): Promise<Refusal | null> {
  const res = await (await limiter(name)).get(key);
  if (res && res.consumedPoints >= RATE_LIMITS[name].points) {
    return { retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
  }
  return null;
}

/** Forgets the failures of a key (a successful sign-in clears its account+IP counter). */
export async function clear(name: RateLimitName, key: string): Promise<void> {
  await (await limiter(name)).delete(key);
}

export function minutesOf(refusal: Refusal): number {
  return Math.max(1, Math.ceil(refusal.retryAfterSeconds / 60));
}

/** A spent budget becomes the error the UI says as "try again in N minutes". */
export function throwIfRefused(refusal: Refusal | null): void {
  if (refusal) throw appError("RATE_LIMITED", { params: { minutes: minutesOf(refusal) } });
}

/** The caller's address, what the limits above are counted per: one function, in ./client-address.ts. */
export { clientIpFrom } from "./client-address";
