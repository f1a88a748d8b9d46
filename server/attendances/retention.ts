/**
 * Retention: attendances started more than ATTENDANCE_RETENTION_DAYS ago (default 180) are
 * deleted, with the processed webhook deliveries received before the same cut-off. Deletes in
 * batches so no run holds a long lock; safe on several instances at once.
 */
import "server-only";
import { and, isNotNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { attendances, webhookDeliveries } from "@/server/db/schema";

export const DEFAULT_RETENTION_DAYS = 180;
const BATCH = 5_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** ATTENDANCE_RETENTION_DAYS from the environment (1–3650), else 180. */
export function retentionDaysFrom(e: Record<string, string | undefined> = process.env): number {
  const n = Number(e.ATTENDANCE_RETENTION_DAYS);
  return Number.isInteger(n) && n >= 1 && n <= 3650 ? n : DEFAULT_RETENTION_DAYS;
}

/** Deletes what is older than `days` before `now`; returns how many attendances and deliveries went. */
export async function purgeOldAttendances(
  db: Db,
  days: number,
  now: Date = new Date(),
): Promise<{ attendances: number; deliveries: number }> {
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  let removedAttendances = 0;
  for (;;) {
    const rows = await db
      .delete(attendances)
      .where(
        sql`${attendances.id} in (select ${attendances.id} from ${attendances} where ${lt(attendances.startedAt, cutoff)} limit ${BATCH})`,
      )
      .returning({ id: attendances.id });
    removedAttendances += rows.length;
    if (rows.length < BATCH) break;
  }
  let removedDeliveries = 0;
  for (;;) {
    const rows = await db
      .delete(webhookDeliveries)
      .where(
        sql`${webhookDeliveries.id} in (select ${webhookDeliveries.id} from ${webhookDeliveries} where ${and(
          isNotNull(webhookDeliveries.processedAt),
          lt(webhookDeliveries.receivedAt, cutoff),
        )} limit ${BATCH})`,
      )
      .returning({ id: webhookDeliveries.id });
    removedDeliveries += rows.length;
    if (rows.length < BATCH) break;
  }
  return { attendances: removedAttendances, deliveries: removedDeliveries };
}
