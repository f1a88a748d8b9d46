/**
 * From a parsed start/finish delivery to the organization's `attendances` row. Deliveries may
 * repeat or arrive out of order: the upsert keeps what it knew (a finish is never reopened by a
 * late start; empty fields never erase filled ones).
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { TFinishAttendanceWebhook } from "@/server/providers/plugchat/contract";
import type { Db } from "@/server/db/client";
import { attendances } from "@/server/db/schema";
import { toDate } from "@/server/providers/plugchat/provider";
import { searchTextOf } from "@/lib/attendances/search";

export type AttendanceRow = typeof attendances.$inferInsert;

/** The row one delivery describes; null when the payload names no attendance number. */
export function attendanceFromDelivery(
  organizationId: string,
  event: "start" | "finish",
  payload: TFinishAttendanceWebhook,
  receivedAt: Date,
): AttendanceRow | null {
  const a = payload.attendance;
  if (a.attendanceNumber === undefined) return null;
  const startedAt = toDate(a.startTime) ?? toDate(a.requestTime) ?? receivedAt;
  const finishedAt = event === "finish" ? (toDate(a.endTime) ?? receivedAt) : null;
  const customerName = a.customer?.name?.trim() || null;
  const customerPhone = a.customer?.phone?.replace(/\D/g, "") || null;
  return {
    organizationId,
    attendanceNumber: a.attendanceNumber,
    customerName,
    customerPhone,
    department: a.departament?.trim() || null,
    operator: (event === "finish" ? a.finishBy : a.startBy)?.trim() || a.startBy?.trim() || null,
    status: event === "finish" ? "finished" : "open",
    rating: event === "finish" && typeof a.ratingValue === "number" ? Math.round(a.ratingValue) : null,
    ratingObservation: event === "finish" ? a.ratingObservation?.trim() || null : null,
    messages: payload.chat ? Object.keys(payload.chat).length : 0,
    startedAt,
    finishedAt,
    durationMs: finishedAt ? Math.max(0, finishedAt.getTime() - startedAt.getTime()) : null,
    searchText: searchTextOf(customerName, customerPhone),
  };
}

/** Inserts or merges the row (unique on organization + attendance number). */
export async function upsertAttendance(db: Db, row: AttendanceRow): Promise<void> {
  const keep = (column: string) => sql.raw(`coalesce(excluded.${column}, attendances.${column})`);
  await db
    .insert(attendances)
    .values(row)
    .onConflictDoUpdate({
      target: [attendances.organizationId, attendances.attendanceNumber],
      set: {
        customerName: keep("customer_name"),
        customerPhone: keep("customer_phone"),
        department: keep("department"),
        // The finisher wins over the starter; a late start does not overwrite the finisher.
        operator: sql`case when excluded.status = 'finished' then coalesce(excluded.operator, attendances.operator) else coalesce(attendances.operator, excluded.operator) end`,
        status: sql`case when attendances.status = 'finished' or excluded.status = 'finished' then 'finished' else 'open' end`,
        rating: keep("rating"),
        ratingObservation: keep("rating_observation"),
        messages: sql`greatest(excluded.messages, attendances.messages)`,
        startedAt: sql`least(excluded.started_at, attendances.started_at)`,
        finishedAt: keep("finished_at"),
        durationMs: sql`case when coalesce(excluded.finished_at, attendances.finished_at) is null then null else greatest(0, (extract(epoch from coalesce(excluded.finished_at, attendances.finished_at) - least(excluded.started_at, attendances.started_at)) * 1000)::integer) end`,
        searchText: sql`case when excluded.search_text = '' then attendances.search_text else excluded.search_text end`,
        updatedAt: sql`now()`,
      },
    });
}
