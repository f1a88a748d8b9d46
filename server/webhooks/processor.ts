/**
 * Processes stored webhook deliveries outside the request: parses the raw payload with
 * the provider contract, keeps a summary and upserts the attendance it describes
 * (server/attendances/projection). Safe on several instances at once (each row
 * is claimed — server/jobs `claimDue`: FOR UPDATE SKIP LOCKED, attempts + 1 — inside a short
 * transaction that also writes the result; no vendor calls).
 */
import "server-only";
import { and, asc, eq, isNull, lt } from "drizzle-orm";
import {
  ZFinishAttendanceWebhook,
  ZStartAttendanceWebhook,
  type TFinishAttendanceWebhook,
} from "@/server/providers/plugchat/contract";
import { attendanceFromDelivery, upsertAttendance } from "@/server/attendances/projection";
import type { Db } from "@/server/db/client";
import { webhookDeliveries } from "@/server/db/schema";
import { claimDue, type ClaimSpec } from "@/server/jobs/claim";
import { logger } from "@/server/log";

/** Tries before a delivery is left for a person (the console's Precisa de atenção lists it). */
export const WEBHOOK_MAX_ATTEMPTS = 5;
const MAX_ATTEMPTS = WEBHOOK_MAX_ATTEMPTS;

/** Deliveries not processed yet, oldest first, until MAX_ATTEMPTS tries have failed. */
const PENDING: ClaimSpec<typeof webhookDeliveries> = {
  table: webhookDeliveries,
  id: webhookDeliveries.id,
  attempts: webhookDeliveries.attempts,
  due: and(isNull(webhookDeliveries.processedAt), lt(webhookDeliveries.attempts, MAX_ATTEMPTS)),
  orderBy: [asc(webhookDeliveries.receivedAt)],
};

function parseDelivery(event: string, rawBody: string): TFinishAttendanceWebhook {
  const schema = event === "finish" ? ZFinishAttendanceWebhook : ZStartAttendanceWebhook;
  return schema.parse(JSON.parse(rawBody));
}

function summarise(parsed: TFinishAttendanceWebhook): Record<string, unknown> {
  const a = parsed.attendance;
  return {
    attendanceNumber: a.attendanceNumber ?? null,
    customerName: a.customer?.name ?? null,
    customerPhone: a.customer?.phone ?? null,
    department: a.departament ?? null,
    finishedBy: a.finishBy ?? null,
    ratingValue: a.ratingValue ?? null,
    status: a.status ?? null,
    messages: parsed.chat ? Object.keys(parsed.chat).length : 0,
  };
}

/** Processes up to `limit` pending deliveries; returns how many it handled. */
export async function processPendingWebhooks(db: Db, limit = 50): Promise<number> {
  let handled = 0;
  for (; handled < limit; handled++) {
    const done = await db.transaction(async (tx) => {
      // The row stays locked until this transaction ends: the attempt and its result commit together.
      const [row] = await claimDue(tx, PENDING, 1);
      if (!row) return false;
      try {
        const parsed = parseDelivery(row.event, row.rawBody);
        const summary = summarise(parsed);
        const attendance = attendanceFromDelivery(
          row.organizationId,
          row.event === "finish" ? "finish" : "start",
          parsed,
          row.receivedAt,
        );
        // In a savepoint: a failed upsert must not abort the transaction that records the error.
        if (attendance) await tx.transaction((sp) => upsertAttendance(sp, attendance));
        await tx
          .update(webhookDeliveries)
          .set({ processedAt: new Date(), summary, lastError: null })
          .where(eq(webhookDeliveries.id, row.id));
      } catch (error) {
        await tx
          .update(webhookDeliveries)
          .set({ lastError: error instanceof Error ? error.message.slice(0, 500) : "unknown" })
          .where(eq(webhookDeliveries.id, row.id));
        logger.warn(
          { deliveryId: row.id, err: error instanceof Error ? error.message : String(error) },
          "webhook processing failed",
        );
      }
      return true;
    });
    if (!done) break;
  }
  return handled;
}
