/**
 * What the portal creates at the chat provider, mirrored locally. Each row is written
 * BEFORE the vendor call and carries a provisioning state:
 *   pending   → the call is about to be / being made
 *   synced    → the vendor answered; `vendorId` is stored
 *   failed    → the vendor definitely refused (reason kept in `lastError`)
 *   uncertain → ambiguous outcome (timeout, connection lost after sending, 5xx on a create):
 *               never blindly re-sent; reconciled against the vendor's lists first.
 */
import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organizations, users } from "./auth";

export const provisioningState = pgEnum("provisioning_state", ["pending", "synced", "failed", "uncertain"]);
export type ProvisioningState = (typeof provisioningState.enumValues)[number];

/** Facts about the last failed or ambiguous vendor call, shown to admins ("needs attention"). */
export interface ProvisioningErrorInfo {
  at: string;
  kind: string;
  status?: number;
  reason?: string;
  method?: string;
  path?: string;
}

/** The tenant's chat space at the provider. One per organization (the primary key enforces it). */
export const vendorAccounts = pgTable(
  "vendor_accounts",
  {
    organizationId: uuid("organization_id")
      .primaryKey()
      .references(() => organizations.id, { onDelete: "cascade" }),
    provider: text("provider").notNull(),
    /** PlugChat accountId (CDP: "projectUuid/itemUuid"). */
    vendorAccountId: text("vendor_account_id"),
    state: provisioningState("state").notNull().default("pending"),
    name: text("name").notNull(),
    sessionName: text("session_name"),
    attempts: integer("attempts").notNull().default(0),
    lastError: jsonb("last_error").$type<ProvisioningErrorInfo>(),
    /** sha256 of the webhook URL token (current and, during rotation, previous). */
    webhookTokenHash: text("webhook_token_hash"),
    previousWebhookTokenHash: text("previous_webhook_token_hash"),
    previousWebhookTokenExpiresAt: timestamp("previous_webhook_token_expires_at", { withTimezone: true }),
    /** Last known answer to "has this account a WhatsApp instance?" (null: never asked or no answer), and when. */
    whatsappAvailable: boolean("whatsapp_available"),
    whatsappCheckedAt: timestamp("whatsapp_checked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("vendor_accounts_vendor_id_unique").on(t.provider, t.vendorAccountId)],
);

export const departments = pgTable(
  "departments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    vendorId: text("vendor_id"),
    name: text("name").notNull(),
    active: boolean("active").notNull().default(true),
    /** The vendor's default "Geral" department: cannot be deleted. */
    isDefault: boolean("is_default").notNull().default(false),
    state: provisioningState("state").notNull().default("pending"),
    lastError: jsonb("last_error").$type<ProvisioningErrorInfo>(),
    /** Optimistic concurrency: bumped on every change; an update names the version it read. */
    version: integer("version").notNull().default(1),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("departments_org_vendor_unique").on(t.organizationId, t.vendorId),
    // One live department per name (`name_key`, lib/names.ts) in an organization: 20 concurrent "add Suporte" → one row.
    uniqueIndex("departments_org_name_unique")
      .on(t.organizationId, sql`name_key(${t.name})`)
      .where(sql`${t.deletedAt} is null`),
    // The console's Precisa de atenção: rows not synced, across every organization.
    index("departments_not_synced_idx")
      .on(t.updatedAt)
      .where(sql`${t.state} <> 'synced'`),
  ],
);

export const operators = pgTable(
  "operators",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    vendorId: text("vendor_id"),
    name: text("name").notNull(),
    active: boolean("active").notNull().default(true),
    isAdmin: boolean("is_admin").notNull().default(false),
    /** Local department ids. */
    departmentIds: uuid("department_ids")
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** Optional chat login (PlugChat). The password is write-only: never stored. */
    login: text("login"),
    /** CDP: e-mail, names, role and conversation scope. */
    email: text("email"),
    firstName: text("first_name"),
    lastName: text("last_name"),
    roleCode: text("role_code"),
    onlyAssignedConversations: boolean("only_assigned_conversations"),
    /** The portal user who acts as this operator ("Abrir chat"). */
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    /** AES-256-GCM ciphertext of the vendor accessToken, with its key id (server/crypto). */
    accessTokenCiphertext: text("access_token_ciphertext"),
    state: provisioningState("state").notNull().default("pending"),
    lastError: jsonb("last_error").$type<ProvisioningErrorInfo>(),
    version: integer("version").notNull().default(1),
    /**
     * The operator's `active` from before its organization was suspended, stored before the
     * suspension changes it (server/provisioning/reconciler/suspension.ts); null when the
     * organization is not suspended or the operator was not touched yet. Reactivation restores
     * exactly this, then clears it.
     */
    activeBeforeSuspension: boolean("active_before_suspension"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("operators_org_vendor_unique").on(t.organizationId, t.vendorId),
    uniqueIndex("operators_org_user_unique").on(t.organizationId, t.userId),
    index("operators_org_name_idx").on(t.organizationId, sql`name_key(${t.name})`),
    index("operators_org_created_idx").on(t.organizationId, t.createdAt),
    index("operators_department_ids_gin").using("gin", t.departmentIds),
    index("operators_not_synced_idx")
      .on(t.updatedAt)
      .where(sql`${t.state} <> 'synced'`),
  ],
);

export const auditResult = pgEnum("audit_result", ["success", "failure", "uncertain"]);

/** Every vendor-changing action: who, what, when, result. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    /**
     * Who acted: a person ("user"), platform staff from the console ("staff", server/audit/staff.ts)
     * or the portal itself ("system"). Kept when the person's account is deleted (actor_user_id then
     * becomes null), so the entry reads "Conta excluída", not "Sistema".
     */
    actorKind: text("actor_kind", { enum: ["user", "staff", "system"] })
      .notNull()
      .default("system"),
    /** e.g. "account.create", "operator.update", "department.delete". */
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    result: auditResult("result").notNull(),
    /** Redacted facts: never passwords or tokens. */
    details: jsonb("details").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("audit_log_org_created_idx").on(t.organizationId, t.createdAt)],
);

export type VendorAccount = typeof vendorAccounts.$inferSelect;
export type Department = typeof departments.$inferSelect;
export type Operator = typeof operators.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
