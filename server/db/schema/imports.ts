/**
 * The CSV operator import as a durable background job. A job holds one row per valid CSV
 * line; workers (any number of portal instances) claim rows with a lease, create each
 * operator through the provisioning layer and record the outcome. Counts are derived from
 * the rows. Each row names the local operator record it creates (`operator_id`, chosen when
 * the row is written, before any vendor call): after a crash the row is resolved from that
 * record's state, never by sending the create again blindly.
 */
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations, users } from "./auth";

export const importJobStatus = pgEnum("import_job_status", ["running", "done"]);
export const importRowState = pgEnum("import_row_state", ["queued", "running", "done", "failed"]);
export type ImportRowState = (typeof importRowState.enumValues)[number];

/** What a row provisions: the CSV values, typed, with departments resolved to local ids. */
export interface ImportRowPayload {
  name: string;
  departmentNames: string[];
  departmentIds: string[];
  isAdmin: boolean;
  login?: string;
  email?: string;
  firstName?: string;
  lastName?: string;
}

export const importJobs = pgTable(
  "import_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    fileName: text("file_name"),
    status: importJobStatus("status").notNull().default("running"),
    total: integer("total").notNull(),
    /** The instance last working on the job, and until when (informational: rows carry the real leases). */
    leaseOwner: text("lease_owner"),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    /** Platform staff marked the job's failed rows as resolved (console, Precisa de atenção); later failures show again. */
    failuresResolvedAt: timestamp("failures_resolved_at", { withTimezone: true }),
  },
  (t) => [index("import_jobs_org_created_idx").on(t.organizationId, t.createdAt)],
);

export const importJobRows = pgTable(
  "import_job_rows",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    jobId: uuid("job_id")
      .notNull()
      .references(() => importJobs.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** 1-based line in the uploaded file. */
    line: integer("line").notNull(),
    values: jsonb("values").$type<ImportRowPayload>().notNull(),
    state: importRowState("state").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    /** An app error code (lib/errors/codes.ts) and, when the vendor gave one, its reason. */
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    /** The local operator record this row creates (its id is fixed before the vendor call). */
    operatorId: uuid("operator_id").notNull().defaultRandom(),
    leaseOwner: text("lease_owner"),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    /** A queued row is not claimed before this (back-off after a transient or unknown outcome). */
    availableAt: timestamp("available_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("import_job_rows_job_line_idx").on(t.jobId, t.line),
    index("import_job_rows_job_state_idx").on(t.jobId, t.state),
    // What workers scan: open rows only.
    index("import_job_rows_claim_idx")
      .on(t.availableAt)
      .where(sql`${t.state} in ('queued', 'running')`),
  ],
);

export type ImportJob = typeof importJobs.$inferSelect;
export type ImportJobRow = typeof importJobRows.$inferSelect;
