/**
 * Attendances as the portal lists them: one row per attendance, upserted by the webhook
 * processor from its start and finish deliveries (idempotent on the vendor's attendance number,
 * in either order), so a page reads indexed columns instead of raw JSON.
 */
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./auth";

export const ATTENDANCE_STATUSES = ["open", "finished"] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const attendances = pgTable(
  "attendances",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** The vendor's attendance (ticket) number. */
    attendanceNumber: integer("attendance_number").notNull(),
    customerName: text("customer_name"),
    /** Digits only, as the vendor sends them (e.g. 5544999999999). */
    customerPhone: text("customer_phone"),
    department: text("department"),
    /** Who finished it (else who started it). */
    operator: text("operator"),
    status: text("status").$type<AttendanceStatus>().notNull(),
    rating: integer("rating"),
    ratingObservation: text("rating_observation"),
    messages: integer("messages").notNull().default(0),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    durationMs: integer("duration_ms"),
    /** Lower-case customer name and phone digits: what the search box matches. */
    searchText: text("search_text").notNull().default(""),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("attendances_number_unique").on(t.organizationId, t.attendanceNumber),
    index("attendances_list_idx").on(t.organizationId, t.startedAt.desc(), t.id.desc()),
    index("attendances_department_idx").on(t.organizationId, t.department, t.startedAt.desc()),
    index("attendances_operator_idx").on(t.organizationId, t.operator, t.startedAt.desc()),
    index("attendances_status_idx").on(t.organizationId, t.status, t.startedAt.desc()),
    index("attendances_rating_idx").on(t.organizationId, t.rating, t.startedAt.desc()),
    // The retention job deletes by age across organizations.
    index("attendances_started_idx").on(t.startedAt),
  ],
);
