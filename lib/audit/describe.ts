/**
 * An audit entry as a person reads it: one sentence in their language ("Maria Souza criou o
 * operador João"), the fields it changed (before → after) and, for a failed attempt, why.
 * Pure: the caller passes the translator of the "team" messages. Unknown actions get a generic
 * sentence; raw JSON, internal codes and secrets are never shown.
 */

export interface AuditEntryView {
  action: string;
  targetType: string;
  result: "success" | "failure" | "uncertain";
  actorKind: "user" | "staff" | "system" | "deleted";
  actorName: string | null;
  details: Record<string, unknown> | null;
}

/** A translator over the "team" messages (next-intl's `t`, `has`). */
export interface AuditTranslator {
  t: (key: string, values?: Record<string, string | number>) => string;
  has: (key: string) => boolean;
}

export interface AuditChangeLine {
  field: string;
  from: string;
  to: string;
}

export interface AuditDescription {
  sentence: string;
  changes: AuditChangeLine[];
  /** Why an attempt failed or is unconfirmed, when the entry says. */
  reason: string | null;
}

/** Message keys cannot contain dots: "operator.create" is stored under "operator_create". */
export const auditMessageKey = (action: string) => action.replace(/\./g, "_");

/** Actions whose sentence already says what changed: no separate list. */
const CHANGES_IN_SENTENCE = new Set([
  "member.change_role",
  "member.transfer_ownership",
  "user.name_change",
  "user.email_change",
]);

const ROLES = new Set(["owner", "admin", "member"]);
const PROVIDER_FAILURES = new Set(["unauthorized", "not_found", "rejected", "unavailable", "ambiguous", "internal"]);
const RECONCILE_OUTCOMES: Record<string, string> = {
  adopted: "adopted",
  recreated: "recreated",
  refreshed: "refreshed",
  "not recreated": "notRecreated",
  "recreate failed": "recreateFailed",
  "upsert repeated": "repeated",
  "upsert repeat failed": "repeatFailed",
  "not repeated": "notRepeated",
  "deleted at vendor": "deletedAtVendor",
};

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value : null);

function roleLabel(tr: AuditTranslator, role: unknown): string {
  return typeof role === "string" && ROLES.has(role) ? tr.t(`roles.${role}`) : tr.t("audit.values.unknownRole");
}

function valueText(tr: AuditTranslator, field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return tr.t("audit.values.empty");
  if (typeof value === "boolean") return tr.t(value ? "audit.values.yes" : "audit.values.no");
  if (field === "role") return roleLabel(tr, value);
  if (Array.isArray(value)) {
    const items = value.filter((v): v is string => typeof v === "string");
    return items.length ? items.join(", ") : tr.t("audit.values.none");
  }
  if (typeof value === "string" || typeof value === "number") return String(value);
  return tr.t("audit.values.other");
}

function changeLines(tr: AuditTranslator, details: Record<string, unknown>): AuditChangeLine[] {
  const changes = details.changes;
  if (!changes || typeof changes !== "object" || Array.isArray(changes)) return [];
  return Object.entries(changes as Record<string, unknown>).flatMap(([field, change]) => {
    const key = `audit.fields.${field}`;
    // A field without a label is internal: left out rather than shown by its code.
    if (!tr.has(key) || !change || typeof change !== "object") return [];
    const { from, to } = change as { from?: unknown; to?: unknown };
    return [{ field: tr.t(key), from: valueText(tr, field, from), to: valueText(tr, field, to) }];
  });
}

function reasonOf(tr: AuditTranslator, entry: AuditEntryView, details: Record<string, unknown>): string | null {
  const outcome = text(details.outcome);
  const parts: string[] = [];
  // A staff action carries the reason staff gave (server/audit/staff.ts).
  const staffReason = text(details.staffReason);
  if (staffReason) parts.push(tr.t("audit.staffReason", { reason: staffReason }));
  if (outcome && RECONCILE_OUTCOMES[outcome]) parts.push(tr.t(`audit.outcomes.${RECONCILE_OUTCOMES[outcome]}`));
  if (entry.result !== "success") {
    const kind = text(details.kind);
    if (kind && PROVIDER_FAILURES.has(kind)) parts.push(tr.t(`audit.reasons.${kind}`));
    else if (text(details.code) || text(details.reason)) parts.push(tr.t("audit.reasons.refused"));
  }
  return parts.length ? parts.join(" ") : null;
}

export function actorLabel(tr: AuditTranslator, entry: Pick<AuditEntryView, "actorKind" | "actorName">): string {
  if (entry.actorKind === "deleted") return tr.t("audit.actor.deleted");
  // Platform staff (the console): named, and said to be the platform's, never mistaken for the team.
  if (entry.actorKind === "staff") {
    return entry.actorName ? tr.t("audit.actor.staffNamed", { name: entry.actorName }) : tr.t("audit.actor.staff");
  }
  if (entry.actorKind === "system" || !entry.actorName) return tr.t("audit.actor.system");
  return entry.actorName;
}

export function describeAuditEntry(tr: AuditTranslator, entry: AuditEntryView): AuditDescription {
  const details = entry.details ?? {};
  const changes = details.changes as Record<string, { from?: unknown; to?: unknown }> | undefined;
  const roleChange = changes?.role;
  const ownChange = changes?.name ?? changes?.email;
  const values: Record<string, string | number> = {
    actor: actorLabel(tr, entry),
    result: entry.result === "success" ? "success" : "other",
    name: text(details.name) ?? tr.t("audit.values.unnamed"),
    email: text(details.email) ?? tr.t("audit.values.unnamed"),
    role: roleLabel(tr, details.role),
    from: roleChange ? roleLabel(tr, roleChange.from) : valueText(tr, "", ownChange?.from),
    to: roleChange ? roleLabel(tr, roleChange.to) : valueText(tr, "", ownChange?.to),
    kind: entry.targetType === "department" ? "department" : "operator",
    seats: typeof details.seats === "number" ? details.seats : 0,
    previousSeats: typeof details.previousSeats === "number" ? details.previousSeats : 0,
    hours: typeof details.hours === "number" ? details.hours : 0,
  };
  const key = `audit.sentences.${auditMessageKey(entry.action)}`;
  const sentence = tr.has(key) ? tr.t(key, values) : tr.t("audit.sentences.generic", values);
  return {
    sentence,
    changes: CHANGES_IN_SENTENCE.has(entry.action) ? [] : changeLines(tr, details),
    reason: reasonOf(tr, entry, details),
  };
}
