/**
 * Suspender / Reativar (platform staff, from the console): the organization's `suspended_at`
 * is set or cleared together with the staff audit entry (one transaction, the reason required),
 * then the reconciler's suspension step (reconciler/suspension.ts) moves the operators at the
 * chat provider — right away when this instance can take the organization's lease, else on the
 * next sweep. The history is the staff audit: `staff.suspend` / `staff.reactivate` entries.
 */
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { auditStaffAction } from "@/server/audit/staff";
import type { Db } from "@/server/db/client";
import { organizations } from "@/server/db/schema";
import { appError } from "@/server/errors";
import type { ChatProvider } from "@/server/providers/types";
import { reconcileOrganization, type ReconcileReport } from "./reconciler";

export interface SuspensionInput {
  organizationId: string;
  staffUserId: string;
  reason: string;
}

async function setSuspended(db: Db, input: SuspensionInput, suspend: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    const [org] = await tx
      .select({ id: organizations.id, name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, input.organizationId));
    if (!org) throw appError("NOT_FOUND");
    const [changed] = await tx
      .update(organizations)
      .set({ suspendedAt: suspend ? new Date() : null, updatedAt: new Date() })
      .where(
        and(
          eq(organizations.id, input.organizationId),
          suspend ? isNull(organizations.suspendedAt) : isNotNull(organizations.suspendedAt),
        ),
      )
      .returning({ id: organizations.id });
    // Already suspended (or already active): a second click, or another staff member was faster.
    if (!changed) throw appError("CONFLICT");
    await auditStaffAction(tx as unknown as Db, {
      organizationId: input.organizationId,
      staffUserId: input.staffUserId,
      action: suspend ? "staff.suspend" : "staff.reactivate",
      targetType: "organization",
      targetId: input.organizationId,
      reason: input.reason,
      details: { name: org.name },
    });
  });
}

/** The first pass over the operators, now; its failures are left for the next sweep (never thrown). */
async function firstPass(db: Db, provider: ChatProvider, organizationId: string): Promise<ReconcileReport | null> {
  try {
    return await reconcileOrganization(db, provider, organizationId, { trigger: "suspension" });
  } catch {
    return null;
  }
}

export async function suspendOrganization(
  db: Db,
  provider: ChatProvider,
  input: SuspensionInput,
): Promise<ReconcileReport | null> {
  await setSuspended(db, input, true);
  return firstPass(db, provider, input.organizationId);
}

export async function reactivateOrganization(
  db: Db,
  provider: ChatProvider,
  input: SuspensionInput,
): Promise<ReconcileReport | null> {
  await setSuspended(db, input, false);
  return firstPass(db, provider, input.organizationId);
}
