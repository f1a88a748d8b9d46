/** The audit trail of vendor-changing actions: who, what, result. Never passwords or tokens. */
import type { Db } from "@/server/db/client";
import { auditLog } from "@/server/db/schema";
import type { ProvisioningScope } from "./errors";

export type AuditResult = "success" | "failure" | "uncertain";

const SECRET_KEYS = /password|token|secret/i;

/** Drops any key that looks like a credential, whatever the caller passed. */
function redact(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).filter(([k]) => !SECRET_KEYS.test(k)));
}

export interface AuditInput {
  action: string;
  targetType: string;
  targetId?: string | null;
  result: AuditResult;
  details?: Record<string, unknown>;
}

/** The insert of one audit entry, not yet run: `audit` runs it, `markSynced` folds it into its update. */
export function auditInsert(db: Db, scope: ProvisioningScope, entry: AuditInput) {
  return db.insert(auditLog).values({
    organizationId: scope.organizationId,
    actorUserId: scope.actorUserId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    result: entry.result,
    details: entry.details ? redact(entry.details) : null,
  });
}

export async function audit(db: Db, scope: ProvisioningScope, entry: AuditInput): Promise<void> {
  await auditInsert(db, scope, entry);
}
