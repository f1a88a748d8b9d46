/**
 * Staff actions in the customer's audit log: every console action that touches an organization
 * is written here, with who (the staff account), what (a closed action name, "staff.retry"),
 * when, why (the reason staff typed) and which organization. The customer's Auditoria page shows
 * these entries as sentences like any other ("Equipe da plataforma (Ana): …").
 */
import type { Db } from "@/server/db/client";
import { auditLog } from "@/server/db/schema";
import type { AuditResult } from "./writer";
import { redact } from "./writer";

export interface StaffAuditInput {
  organizationId: string;
  /** The staff account that acted (ctx.staff.userId). */
  staffUserId: string;
  /** e.g. "staff.retry", "staff.resolve", "staff.suspend", "staff.reactivate", "staff.support_view". */
  action: string;
  targetType: string;
  targetId?: string | null;
  /** Why staff did it, in their words (required: the console asks for it). */
  reason: string;
  result?: AuditResult;
  /** Facts for the sentence (`name`, …); credentials are dropped like in every audit entry. */
  details?: Record<string, unknown>;
}

/** Records one staff action (pass the transaction that makes the change, so both land or neither). */
export async function auditStaffAction(db: Db, input: StaffAuditInput): Promise<void> {
  await db.insert(auditLog).values({
    organizationId: input.organizationId,
    actorUserId: input.staffUserId,
    actorKind: "staff",
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId ?? null,
    result: input.result ?? "success",
    details: redact({ ...input.details, staffReason: input.reason.trim() }),
  });
}

/**
 * One page platform staff opened under a customer's support grant ("staff.support_view"): the
 * customer's Auditoria lists every one. No reason to ask for: the grant is the customer's.
 */
export async function auditSupportView(
  db: Db,
  input: { organizationId: string; staffUserId: string; grantId: string; path: string },
): Promise<void> {
  await db.insert(auditLog).values({
    organizationId: input.organizationId,
    actorUserId: input.staffUserId,
    actorKind: "staff",
    action: "staff.support_view",
    targetType: "page",
    targetId: input.path.slice(0, 200),
    result: "success",
    details: { name: input.path.slice(0, 200), grantId: input.grantId },
  });
}
