/**
 * The second step of a credentials sign-in, for accounts with two-factor on: after the right
 * password, an authenticator code or a recovery code is needed before a session opens.
 * Wrong codes spend budgets per (account, IP), per account and per IP, as wrong passwords do.
 */
import "server-only";
import type { Db } from "@/server/db/client";
import { check, clear, hit, minutesOf, type Refusal } from "@/server/security/rate-limit";
import { consumeRecoveryCode, consumeTotpCode } from "./two-factor";

/** The `result.error` codes `signIn()` gets for the second step (besides RATE_LIMITED:<minutes>). */
export const TWO_FACTOR_SIGN_IN_ERRORS = { required: "TWO_FACTOR_REQUIRED", invalid: "TWO_FACTOR_INVALID" } as const;

export interface SecondFactorInput {
  code?: unknown;
  recoveryCode?: unknown;
}

/** The budget keys of an account's code attempts (e-mail based: the sign-in guard has no database at hand). */
export function twoFactorBudgetKeys(email: string, ip: string) {
  const account = email.trim().toLowerCase();
  return { accountIp: `${account}|${ip}`, account, ip };
}

/** A spent code budget for this account or address, without counting this look. */
export async function twoFactorBudgetRefusal(email: string, ip: string): Promise<Refusal | null> {
  const keys = twoFactorBudgetKeys(email, ip);
  return (
    (await check("twoFactorAccountIp", keys.accountIp)) ??
    (await check("twoFactorAccount", keys.account)) ??
    (await check("twoFactorIp", keys.ip))
  );
}

/** Counts one wrong code. */
export async function spendTwoFactorBudget(email: string, ip: string): Promise<void> {
  const keys = twoFactorBudgetKeys(email, ip);
  await Promise.all([
    hit("twoFactorAccountIp", keys.accountIp),
    hit("twoFactorAccount", keys.account),
    hit("twoFactorIp", keys.ip),
  ]);
}

export async function clearTwoFactorBudget(email: string, ip: string): Promise<void> {
  await clear("twoFactorAccountIp", twoFactorBudgetKeys(email, ip).accountIp);
}

function text(value: unknown): string {
  return typeof value === "string" && value.length <= 64 ? value.trim() : "";
}

/**
 * Null when the user may be signed in; otherwise the error code for `signIn()`:
 * TWO_FACTOR_REQUIRED (no code given yet), TWO_FACTOR_INVALID, or RATE_LIMITED:<minutes>.
 * No session is opened by this function either way.
 */
export async function secondFactorRefusal(
  db: Db,
  user: { id: string; email: string; twoFactorEnabledAt: Date | null },
  input: SecondFactorInput,
  ip: string,
): Promise<string | null> {
  if (!user.twoFactorEnabledAt) return null;
  const code = text(input.code);
  const recoveryCode = text(input.recoveryCode);
  if (!code && !recoveryCode) return TWO_FACTOR_SIGN_IN_ERRORS.required;
  const refusal = await twoFactorBudgetRefusal(user.email, ip);
  if (refusal) return `RATE_LIMITED:${minutesOf(refusal)}`;
  const accepted = code
    ? await consumeTotpCode(db, user.id, code.replace(/\s/g, ""))
    : await consumeRecoveryCode(db, user.id, recoveryCode);
  if (!accepted) {
    await spendTwoFactorBudget(user.email, ip);
    return TWO_FACTOR_SIGN_IN_ERRORS.invalid;
  }
  await clearTwoFactorBudget(user.email, ip);
  return null;
}
