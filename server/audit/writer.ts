/**
 * The audit log writer: one entry per action on an organization — who (a person, or the portal
 * itself), what (a closed action name, e.g. "member.change_role"), on what, the result and facts
 * to show it as a sentence (`name`, `email`, `role`, and `changes: { field: { from, to } }` for
 * before → after). Never passwords, tokens or secrets: such keys are dropped at any depth.
 */
import type { Db } from "@/server/db/client";
import { auditLog } from "@/server/db/schema";

export type AuditResult = "success" | "failure" | "uncertain";

/** Which organization the entry belongs to and who acted (null: the portal itself). */
export interface AuditScope {
  organizationId: string;
  actorUserId: string | null;
}

export interface AuditInput {
  action: string;
  targetType: string;
  targetId?: string | null;
  result: AuditResult;
  details?: Record<string, unknown>;
}

/** One field's value before and after the action. */
export interface AuditChange {
  from: unknown;
  to: unknown;
}

const SECRET_KEYS = /password|token|secret|recovery/i;

function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue);
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return redact(value as Record<string, unknown>);
  }
  return value;
}

/** Drops any key that looks like a credential, at any depth, whatever the caller passed. */
export function redact(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(details)
      .filter(([k]) => !SECRET_KEYS.test(k))
      .map(([k, v]) => [k, redactValue(v)]),
  );
}

/** The fields whose value differs between `before` and `after`, as { from, to } (only the keys of `after`). */
export function changesBetween(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, AuditChange> {
  const changes: Record<string, AuditChange> = {};
  for (const [key, to] of Object.entries(after)) {
    if (to === undefined) continue;
    const from = before[key];
    if (JSON.stringify(from ?? null) !== JSON.stringify(to ?? null)) changes[key] = { from: from ?? null, to };
  }
  return changes;
}

/** The insert of one audit entry, not yet run: `audit` runs it, a caller may fold it into its own statement. */
export function auditInsert(db: Db, scope: AuditScope, entry: AuditInput) {
  return db.insert(auditLog).values({
    organizationId: scope.organizationId,
    actorUserId: scope.actorUserId,
    actorKind: scope.actorUserId ? "user" : "system",
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    result: entry.result,
    details: entry.details ? redact(entry.details) : null,
  });
}

export async function audit(db: Db, scope: AuditScope, entry: AuditInput): Promise<void> {
  await auditInsert(db, scope, entry);
}
