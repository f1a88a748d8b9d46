/**
 * Two-factor sign-in (TOTP, RFC 6238) and its recovery codes.
 *
 * - The shared secret is generated here, kept encrypted in users.two_factor_secret (the
 *   server/crypto key ring, bound to the user's id), and turned on only when the user proves
 *   their app has it (a first code).
 * - A code is accepted within ±1 time step of 30 s, and only if its step is later than the
 *   last step accepted for the account: the step is recorded by a conditional update, so of
 *   two concurrent uses of one code exactly one wins and a used code is never replayed.
 * - 10 recovery codes (50 random bits each, shown once as xxxxx-xxxxx) are stored as sha256
 *   hashes; each is consumed by a conditional update, so it works once.
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, count, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import { generateSecret, generateURI, verifySync } from "otplib";
import QRCode from "qrcode";
import { isTotpCode } from "@/lib/validation/two-factor";
import { appError } from "@/server/errors";
import type { Db } from "@/server/db/client";
import { recoveryCodes, users } from "@/server/db/schema";
import { keyRing } from "@/server/crypto";
import { decryptSecret, encryptSecret } from "@/server/crypto/tokens";
import { auditAccountEvent } from "@/server/audit/account-events";

export const TOTP_PERIOD_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;
/** The name authenticator apps show above the code. */
export const TOTP_ISSUER = "Portal PlugChat";

/** Associated data binding a user's TOTP secret to their row (a ciphertext copied to another user fails). */
export const twoFactorAad = (userId: string): string => `user-totp:${userId}`;

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function encryptTotpSecret(userId: string, secret: string): string {
  return encryptSecret(keyRing(), secret, twoFactorAad(userId));
}

function decryptTotpSecret(userId: string, ciphertext: string): string {
  return decryptSecret(keyRing(), ciphertext, twoFactorAad(userId));
}

/** The current TOTP time step. */
export function currentTimeStep(nowMs = Date.now()): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS);
}

/** The manual key as people type it: groups of 4. */
export function groupKey(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

/**
 * The time step `code` belongs to, within ±1 step of now and later than `afterStep`, or null.
 * Wrong format, wrong code and an already used step all give null.
 */
export function matchingTimeStep(
  secret: string,
  code: string,
  afterStep: number | null,
  nowMs = Date.now(),
): number | null {
  if (!isTotpCode(code)) return null;
  const now = currentTimeStep(nowMs);
  // A recorded step ahead of the clock's window (clock went back): nothing can be newer.
  if (afterStep !== null && afterStep > now + 1) return null;
  const result = verifySync({
    secret,
    token: code,
    epoch: Math.floor(nowMs / 1000),
    epochTolerance: TOTP_PERIOD_SECONDS,
    ...(afterStep !== null && afterStep >= 0 ? { afterTimeStep: afterStep } : {}),
  });
  if (!result.valid) return null;
  return "timeStep" in result ? result.timeStep : now + result.delta;
}

/** A fresh recovery code: 10 base32 characters (50 bits), shown as xxxxx-xxxxx. */
function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  let out = "";
  for (const byte of bytes) out += BASE32[byte & 31];
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

/** Upper-case, without the dash or spaces: how a code is hashed. */
export function normalizeRecoveryCode(code: string): string {
  return code.replace(/[\s-]/g, "").toUpperCase();
}

export function hashRecoveryCode(userId: string, code: string): string {
  return createHash("sha256")
    .update(`${userId}:${normalizeRecoveryCode(code)}`)
    .digest("hex");
}

async function loadTwoFactor(db: Db, userId: string) {
  const [row] = await db
    .select({
      email: users.email,
      secret: users.twoFactorSecret,
      enabledAt: users.twoFactorEnabledAt,
      lastStep: users.twoFactorLastStep,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row ?? null;
}

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: Date | null;
  recoveryCodesLeft: number;
}

export async function twoFactorStatus(db: Db, userId: string): Promise<TwoFactorStatus> {
  const row = await loadTwoFactor(db, userId);
  if (!row?.enabledAt) return { enabled: false, enabledAt: null, recoveryCodesLeft: 0 };
  const [left] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return { enabled: true, enabledAt: row.enabledAt, recoveryCodesLeft: left?.n ?? 0 };
}

export interface PendingEnrolment {
  /** otpauth:// URI as an SVG QR code (rendered here: the browser loads no QR library). */
  qrSvg: string;
  /** The secret grouped in 4s, for typing into the app by hand. */
  manualKey: string;
}

/** Starts (or restarts) enrolment: a new secret, stored encrypted, not yet in force. */
export async function beginEnrolment(db: Db, userId: string): Promise<PendingEnrolment> {
  const secret = generateSecret({ length: 20 });
  const [updated] = await db
    .update(users)
    .set({ twoFactorSecret: encryptTotpSecret(userId, secret), twoFactorLastStep: null, updatedAt: new Date() })
    // Never replaces the secret of an account that has two-factor on.
    .where(and(eq(users.id, userId), isNull(users.twoFactorEnabledAt)))
    .returning({ email: users.email });
  if (!updated) throw appError("TWO_FACTOR_ALREADY_ON");
  const uri = generateURI({ issuer: TOTP_ISSUER, label: updated.email, secret });
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { qrSvg, manualKey: groupKey(secret) };
}

/** Replaces every recovery code of the user with 10 new ones; returns them (the only time they are seen). */
async function issueRecoveryCodes(tx: Pick<Db, "insert" | "delete">, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(userId, code) })));
  return codes;
}

/**
 * Turns two-factor on once the user's app shows a right code for the pending secret; returns
 * the recovery codes. A wrong code → TWO_FACTOR_CODE_INVALID on the `code` field.
 */
export async function confirmEnrolment(db: Db, userId: string, code: string): Promise<{ recoveryCodes: string[] }> {
  const row = await loadTwoFactor(db, userId);
  if (!row) throw appError("UNAUTHENTICATED");
  if (row.enabledAt) throw appError("TWO_FACTOR_ALREADY_ON");
  // No pending secret (enrolment not begun): the code cannot be right.
  if (!row.secret) throw appError("TWO_FACTOR_CODE_INVALID", { field: "code" });
  const step = matchingTimeStep(decryptTotpSecret(userId, row.secret), code, row.lastStep);
  if (step === null) throw appError("TWO_FACTOR_CODE_INVALID", { field: "code" });
  const codes = await db.transaction(async (tx) => {
    const now = new Date();
    const [enabled] = await tx
      .update(users)
      .set({ twoFactorEnabledAt: now, twoFactorLastStep: step, updatedAt: now })
      // The secret we checked against is still the pending one (no other tab restarted enrolment).
      .where(and(eq(users.id, userId), isNull(users.twoFactorEnabledAt), eq(users.twoFactorSecret, row.secret!)))
      .returning({ id: users.id });
    if (!enabled) return null;
    await auditAccountEvent(tx, userId, "user.two_factor_enable");
    return issueRecoveryCodes(tx, userId);
  });
  if (!codes) throw appError("TWO_FACTOR_CODE_INVALID", { field: "code" });
  return { recoveryCodes: codes };
}

/**
 * Accepts an authenticator code once: true when it is right for the account's secret and
 * its time step is later than the last one used (recorded here, atomically).
 */
export async function consumeTotpCode(db: Db, userId: string, code: string): Promise<boolean> {
  const row = await loadTwoFactor(db, userId);
  if (!row?.enabledAt || !row.secret) return false;
  const step = matchingTimeStep(decryptTotpSecret(userId, row.secret), code, row.lastStep);
  if (step === null) return false;
  // Two requests with one code: only the first moves the step forward.
  const [recorded] = await db
    .update(users)
    .set({ twoFactorLastStep: step })
    .where(
      and(
        eq(users.id, userId),
        isNotNull(users.twoFactorEnabledAt),
        or(isNull(users.twoFactorLastStep), lt(users.twoFactorLastStep, step)),
      ),
    )
    .returning({ id: users.id });
  return Boolean(recorded);
}

/** Accepts a recovery code once (consumed by a conditional update). */
export async function consumeRecoveryCode(db: Db, userId: string, code: string): Promise<boolean> {
  const normalized = normalizeRecoveryCode(code);
  if (!/^[A-Z2-7]{10}$/.test(normalized)) return false;
  const [used] = await db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, hashRecoveryCode(userId, normalized)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return Boolean(used);
}

/** An authenticator code (6 digits) or a recovery code, whichever `code` looks like; used once. */
export async function consumeSecondFactor(db: Db, userId: string, code: string): Promise<"totp" | "recovery" | null> {
  const compact = code.replace(/[\s-]/g, "");
  if (isTotpCode(compact)) return (await consumeTotpCode(db, userId, compact)) ? "totp" : null;
  return (await consumeRecoveryCode(db, userId, compact)) ? "recovery" : null;
}

/** Turns two-factor off: the secret, the replay mark and the recovery codes go. */
export async function disableTwoFactor(db: Db, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ twoFactorSecret: null, twoFactorEnabledAt: null, twoFactorLastStep: null, updatedAt: new Date() })
      .where(eq(users.id, userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await auditAccountEvent(tx, userId, "user.two_factor_disable");
  });
}

/** New recovery codes for an account with two-factor on (the old ones stop working). */
export async function regenerateRecoveryCodes(db: Db, userId: string): Promise<{ recoveryCodes: string[] }> {
  const codes = await db.transaction(async (tx) => {
    const [on] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, userId), isNotNull(users.twoFactorEnabledAt)))
      .limit(1)
      .for("update");
    if (!on) return null;
    return issueRecoveryCodes(tx, userId);
  });
  if (!codes) throw appError("TWO_FACTOR_NOT_ON");
  return { recoveryCodes: codes };
}
