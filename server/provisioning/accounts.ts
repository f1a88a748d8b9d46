/**
 * The tenant's account at the chat provider, created at most once per organization.
 *
 * The vendor has no idempotency key and no lookup by externalId, so:
 *  1. the `vendor_accounts` row (PK organization id) is inserted as `pending` in its own
 *     statement BEFORE the call — of N concurrent calls exactly one inserts and proceeds;
 *  2. no transaction is open during the vendor call;
 *  3. success → `synced`; definite refusal / certainly-not-applied → `failed` (retry allowed);
 *     ambiguous outcome → `uncertain`: never re-sent blindly; the admin either confirms a
 *     retry or attaches the existing vendor account (checked by getAccount + externalId).
 */
import { createHash, randomBytes } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import { appError } from "@/server/errors";
import type { Db } from "@/server/db/client";
import { isUniqueViolation } from "@/server/db/errors";
import { vendorAccounts, type VendorAccount } from "@/server/db/schema";
import type { AccountRef, ChatProvider } from "@/server/providers/types";
import { audit } from "./audit";
import { errorInfo, isUncertainCreate, type ProvisioningScope } from "./errors";

/** A `pending` row older than this belongs to a call that died: shown as uncertain. */
export const STALE_PENDING_MS = 2 * 60_000;

export interface AccountInput {
  name: string;
  sessionName?: string;
}

export interface ProvisionOptions {
  /** The portal's public origin; webhook URLs are registered only when it is set. */
  publicUrl?: string;
  /** The admin confirmed re-sending after an uncertain outcome. */
  confirmRetry?: boolean;
  /** How long to wait for a concurrent call on the same account to finish. */
  waitMs?: number;
}

export const sha256Hex = (value: string): string => createHash("sha256").update(value).digest("hex");

/**
 * Turns a pending create whose request died mid-flight (older than STALE_PENDING_MS) into
 * uncertain. Only mutations and the reconciler call it: reads derive the same view
 * (getVendorAccount) without writing.
 */
export async function expireStalePendingAccount(db: Db, organizationId: string): Promise<void> {
  await db
    .update(vendorAccounts)
    .set({
      state: "uncertain",
      lastError: { at: new Date().toISOString(), kind: "interrupted" },
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(vendorAccounts.organizationId, organizationId),
        eq(vendorAccounts.state, "pending"),
        lt(vendorAccounts.updatedAt, new Date(Date.now() - STALE_PENDING_MS)),
      ),
    );
}

/** The organization's vendor account; a pending create that died mid-flight reads as uncertain. */
export async function getVendorAccount(db: Db, organizationId: string): Promise<VendorAccount | null> {
  const [row] = await db.select().from(vendorAccounts).where(eq(vendorAccounts.organizationId, organizationId));
  if (row?.state === "pending" && row.updatedAt.getTime() < Date.now() - STALE_PENDING_MS) {
    return {
      ...row,
      state: "uncertain",
      lastError: row.lastError ?? { at: row.updatedAt.toISOString(), kind: "interrupted" },
    };
  }
  return row ?? null;
}

/** The synced account's vendor id, or PRECONDITION (the wizard's first step is not done). */
export async function requireSyncedAccount(
  db: Db,
  organizationId: string,
): Promise<VendorAccount & { vendorAccountId: string }> {
  const row = await getVendorAccount(db, organizationId);
  if (!row || row.state !== "synced" || !row.vendorAccountId) throw appError("ACCOUNT_MISSING");
  return row as VendorAccount & { vendorAccountId: string };
}

/** Claims the right to call the vendor: a fresh insert, or a state transition only one caller can win. */
async function claim(
  db: Db,
  scope: ProvisioningScope,
  provider: ChatProvider,
  input: AccountInput,
  confirmRetry: boolean,
): Promise<VendorAccount | null> {
  const inserted = await db
    .insert(vendorAccounts)
    .values({
      organizationId: scope.organizationId,
      provider: provider.name,
      name: input.name,
      sessionName: input.sessionName ?? null,
      state: "pending",
      attempts: 1,
    })
    .onConflictDoNothing()
    .returning();
  if (inserted[0]) return inserted[0];
  const from = confirmRetry ? (["failed", "uncertain"] as const) : (["failed"] as const);
  const [claimed] = await db
    .update(vendorAccounts)
    .set({
      state: "pending",
      name: input.name,
      sessionName: input.sessionName ?? null,
      attempts: sql`${vendorAccounts.attempts} + 1`,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(vendorAccounts.organizationId, scope.organizationId),
        sql`${vendorAccounts.state} in (${sql.join(
          from.map((s) => sql`${s}`),
          sql`, `,
        )})`,
      ),
    )
    .returning();
  return claimed ?? null;
}

async function waitWhilePending(db: Db, organizationId: string, waitMs: number): Promise<VendorAccount | null> {
  const until = Date.now() + waitMs;
  let row = await getVendorAccount(db, organizationId);
  while (row?.state === "pending" && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 150));
    row = await getVendorAccount(db, organizationId);
  }
  return row;
}

/**
 * Creates the organization's vendor account, or returns the existing one. Throws the
 * provider's error after recording `failed`/`uncertain`; a concurrent call in flight
 * makes this one wait for it (then return its result) instead of sending a second POST.
 */
export async function provisionAccount(
  db: Db,
  provider: ChatProvider,
  scope: ProvisioningScope,
  input: AccountInput,
  opts: ProvisionOptions = {},
): Promise<VendorAccount> {
  await expireStalePendingAccount(db, scope.organizationId);
  const claimed = await claim(db, scope, provider, input, opts.confirmRetry ?? false);
  if (!claimed) {
    const row = await waitWhilePending(db, scope.organizationId, opts.waitMs ?? 8_000);
    if (!row) throw appError("INTERNAL");
    if (row.state === "pending") throw appError("PROVISIONING_IN_PROGRESS");
    // synced: done already; uncertain: needs the admin's decision (the caller shows it).
    return row;
  }

  const token = randomBytes(32).toString("base64url");
  const base = opts.publicUrl?.replace(/\/+$/, "");
  const webhooks = base
    ? {
        onStartAttendance: `${base}/api/webhooks/plugchat/${token}/start`,
        onFinishAttendance: `${base}/api/webhooks/plugchat/${token}/finish`,
      }
    : undefined;
  if (webhooks) {
    await db
      .update(vendorAccounts)
      .set({ webhookTokenHash: sha256Hex(token) })
      .where(eq(vendorAccounts.organizationId, scope.organizationId));
  }

  try {
    const { accountId } = await provider.createAccount({
      externalId: scope.organizationId,
      name: input.name,
      active: true,
      ...(input.sessionName ? { sessionName: input.sessionName } : {}),
      ...(webhooks ? { webhooks } : {}),
    });
    const [row] = await db
      .update(vendorAccounts)
      .set({ state: "synced", vendorAccountId: accountId, lastError: null, updatedAt: new Date() })
      .where(eq(vendorAccounts.organizationId, scope.organizationId))
      .returning();
    await audit(db, scope, {
      action: "account.create",
      targetType: "account",
      targetId: accountId,
      result: "success",
      details: { name: input.name, attempt: claimed.attempts },
    });
    return row!;
  } catch (error) {
    const uncertain = isUncertainCreate(error);
    const info = errorInfo(error);
    await db
      .update(vendorAccounts)
      .set({ state: uncertain ? "uncertain" : "failed", lastError: info, updatedAt: new Date() })
      .where(eq(vendorAccounts.organizationId, scope.organizationId));
    await audit(db, scope, {
      action: "account.create",
      targetType: "account",
      result: uncertain ? "uncertain" : "failure",
      details: { ...info, attempt: claimed.attempts },
    });
    if (uncertain) throw appError("ACCOUNT_UNCERTAIN", {}, error);
    throw error;
  }
}

/**
 * Resolves an uncertain account by adopting an existing vendor account: it must exist and
 * carry this organization's id as externalId.
 */
export async function attachAccount(
  db: Db,
  provider: ChatProvider,
  scope: ProvisioningScope,
  vendorAccountId: string,
): Promise<VendorAccount> {
  const row = await getVendorAccount(db, scope.organizationId);
  if (!row) throw appError("ACCOUNT_MISSING");
  if (row.state === "synced") throw appError("CONFLICT");
  let remote;
  try {
    remote = await provider.getAccount(vendorAccountId);
  } catch (error) {
    await audit(db, scope, {
      action: "account.attach",
      targetType: "account",
      targetId: vendorAccountId,
      result: "failure",
      details: { ...errorInfo(error) },
    });
    throw error;
  }
  if (remote.externalId !== scope.organizationId) {
    await audit(db, scope, {
      action: "account.attach",
      targetType: "account",
      targetId: vendorAccountId,
      result: "failure",
      details: { reason: "externalId mismatch" },
    });
    throw appError("ACCOUNT_MISMATCH", { field: "vendorAccountId" });
  }
  const [updated] = await db
    .update(vendorAccounts)
    .set({ state: "synced", vendorAccountId, lastError: null, updatedAt: new Date() })
    .where(and(eq(vendorAccounts.organizationId, scope.organizationId), sql`${vendorAccounts.state} <> 'synced'`))
    .returning();
  if (!updated) throw appError("CONFLICT");
  await audit(db, scope, {
    action: "account.attach",
    targetType: "account",
    targetId: vendorAccountId,
    result: "success",
  });
  return updated;
}

/** A backend whose tenant space already exists at the vendor and is only checked (no account to create). */
export interface SpaceVerifier {
  readonly name: ChatProvider["name"];
  verifySpace(projectUuid: string, itemUuid: string): Promise<{ account: AccountRef }>;
}

export interface SpaceInput {
  /** The company name shown in the portal. */
  name: string;
  projectUuid: string;
  itemUuid: string;
}

/**
 * Connects the organization to an existing chat space (CDP: a project + live-chat item):
 * checks it with the provider, then records it as the organization's vendor account,
 * `synced`, with `vendorAccountId` = the provider's reference (`projectUuid/itemUuid`).
 * Nothing is created at the vendor, so there is no pending/uncertain phase: a refused check
 * leaves no row. Connecting the same space again returns the row; another space once one is
 * connected → CONFLICT (its operators live there).
 */
export async function connectSpace(
  db: Db,
  provider: SpaceVerifier,
  scope: ProvisioningScope,
  input: SpaceInput,
): Promise<VendorAccount> {
  let account: AccountRef;
  try {
    ({ account } = await provider.verifySpace(input.projectUuid, input.itemUuid));
  } catch (error) {
    await audit(db, scope, {
      action: "account.connect",
      targetType: "account",
      targetId: `${input.projectUuid}/${input.itemUuid}`,
      result: "failure",
      details: { ...errorInfo(error) },
    });
    throw error;
  }
  const existing = await getVendorAccount(db, scope.organizationId);
  if (existing?.state === "synced") {
    if (existing.vendorAccountId !== account) throw appError("CONFLICT");
    if (existing.name !== input.name) {
      const [renamed] = await db
        .update(vendorAccounts)
        .set({ name: input.name, updatedAt: new Date() })
        .where(eq(vendorAccounts.organizationId, scope.organizationId))
        .returning();
      return renamed!;
    }
    return existing;
  }
  let row: VendorAccount | undefined;
  try {
    [row] = await db
      .insert(vendorAccounts)
      .values({
        organizationId: scope.organizationId,
        provider: provider.name,
        name: input.name,
        sessionName: null,
        state: "synced",
        vendorAccountId: account,
        attempts: 1,
      })
      .onConflictDoUpdate({
        target: vendorAccounts.organizationId,
        set: {
          provider: provider.name,
          name: input.name,
          state: "synced",
          vendorAccountId: account,
          lastError: null,
          attempts: sql`${vendorAccounts.attempts} + 1`,
          updatedAt: new Date(),
        },
        // A concurrent connect of another space that won the race is not overwritten.
        setWhere: sql`${vendorAccounts.state} <> 'synced' or ${vendorAccounts.vendorAccountId} = ${account}`,
      })
      .returning();
  } catch (error) {
    // (provider, vendor_account_id) is unique: the space belongs to another organization.
    if (isUniqueViolation(error)) throw appError("SPACE_TAKEN", { field: "itemUuid" });
    throw error;
  }
  if (!row) throw appError("CONFLICT");
  await audit(db, scope, {
    action: "account.connect",
    targetType: "account",
    targetId: account,
    result: "success",
    details: { name: input.name },
  });
  return row;
}

/** Whole days left of the vendor's 7-day trial, counted from our account row's creation. */
export function trialDaysLeft(createdAt: Date, now: Date = new Date()): number {
  const end = createdAt.getTime() + 7 * 24 * 3600_000;
  return Math.max(0, Math.ceil((end - now.getTime()) / (24 * 3600_000)));
}
