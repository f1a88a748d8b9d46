/**
 * The subscription at the chat provider: seats set (minimum 2 at the vendor) and cancellation.
 * The vendor has no GET for it, so the portal keeps what the vendor last confirmed (`subscriptions`)
 * and audits every attempt — the plan page's history is read from the audit log.
 */
import { eq } from "drizzle-orm";
import { appError } from "@/server/errors";
import type { Db } from "@/server/db/client";
import { subscriptions, type SubscriptionRow } from "@/server/db/schema";
import type { ChatProvider } from "@/server/providers/types";
import type { CancelReason } from "@/lib/plan/cancel";
import { requireSyncedAccount } from "./accounts";
import { audit } from "./audit";
import { errorInfo, type ProvisioningScope } from "./errors";

const TRIAL_MS = 7 * 24 * 3600_000;

/** When the vendor's 7-day trial ends, counted from our account row's creation. */
export function trialEndsAt(accountCreatedAt: Date): Date {
  return new Date(accountCreatedAt.getTime() + TRIAL_MS);
}

export async function getSubscription(db: Db, organizationId: string): Promise<SubscriptionRow | null> {
  const [row] = await db.select().from(subscriptions).where(eq(subscriptions.organizationId, organizationId));
  return row ?? null;
}

function requireCapability(provider: ChatProvider) {
  if (!provider.capabilities.subscription) throw appError("NOT_SUPPORTED");
}

/**
 * Sets the number of paid seats: subscribes, changes the seats of an active subscription, or
 * subscribes again after a cancellation. `pricePerSeatCents` is the price it was agreed at (kept
 * with the record). Audited as "subscription.set" (a new subscription) or "subscription.change".
 */
export async function subscribe(
  db: Db,
  provider: ChatProvider,
  scope: ProvisioningScope,
  seats: number,
  pricePerSeatCents: number | null = null,
) {
  requireCapability(provider);
  const account = await requireSyncedAccount(db, scope.organizationId);
  const previous = await getSubscription(db, scope.organizationId);
  const changing = previous?.status === "active";
  const action = changing ? "subscription.change" : "subscription.set";
  const facts = { seats, ...(changing ? { previousSeats: previous.seats } : {}) };
  try {
    const sub = await provider.setSubscription(account.vendorAccountId, seats);
    const now = new Date();
    const record = {
      vendorSubscriptionId: sub.id,
      seats: sub.quantity,
      status: "active" as const,
      pricePerSeatCents,
      subscribedAt: changing ? previous.subscribedAt : now,
      cancelledAt: null,
      cancelReason: null,
      cancelNote: null,
      updatedAt: now,
    };
    await db
      .insert(subscriptions)
      .values({ organizationId: scope.organizationId, ...record })
      .onConflictDoUpdate({ target: subscriptions.organizationId, set: record });
    await audit(db, scope, {
      action,
      targetType: "account",
      targetId: account.vendorAccountId,
      result: "success",
      details: { ...facts, seats: sub.quantity },
    });
    return sub;
  } catch (error) {
    await audit(db, scope, {
      action,
      targetType: "account",
      targetId: account.vendorAccountId,
      result: "failure",
      details: { ...facts, ...errorInfo(error) },
    });
    throw error;
  }
}

/** Cancels the active subscription at the vendor, keeping when, why and the seats it had. */
export async function cancelSubscription(
  db: Db,
  provider: ChatProvider,
  scope: ProvisioningScope,
  input: { reason: CancelReason; note?: string | undefined },
): Promise<SubscriptionRow> {
  requireCapability(provider);
  const account = await requireSyncedAccount(db, scope.organizationId);
  const current = await getSubscription(db, scope.organizationId);
  if (current?.status !== "active") throw appError("NO_SUBSCRIPTION");
  const note = input.note?.trim() ? input.note.trim() : null;
  const facts = { seats: current.seats, cancelReason: input.reason, cancelNote: note };
  try {
    await provider.cancelSubscription(account.vendorAccountId);
  } catch (error) {
    await audit(db, scope, {
      action: "subscription.cancel",
      targetType: "account",
      targetId: account.vendorAccountId,
      result: "failure",
      details: { ...facts, ...errorInfo(error) },
    });
    throw error;
  }
  const now = new Date();
  const [row] = await db
    .update(subscriptions)
    .set({ status: "cancelled", cancelledAt: now, cancelReason: input.reason, cancelNote: note, updatedAt: now })
    .where(eq(subscriptions.organizationId, scope.organizationId))
    .returning();
  await audit(db, scope, {
    action: "subscription.cancel",
    targetType: "account",
    targetId: account.vendorAccountId,
    result: "success",
    details: facts,
  });
  return row!;
}
