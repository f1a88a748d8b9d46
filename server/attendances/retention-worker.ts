/** Runs the attendance retention purge shortly after start and then every hour. */
import "server-only";
import { getDb } from "@/server/db/client";
import { intervalWorker } from "@/server/jobs/worker-loop";
import { logger } from "@/server/log";
import { purgeOldAttendances, retentionDaysFrom } from "./retention";

const HOUR_MS = 60 * 60 * 1000;

const worker = intervalWorker(
  async () => {
    const { db } = await getDb();
    const days = retentionDaysFrom();
    const removed = await purgeOldAttendances(db, days);
    if (removed.attendances > 0 || removed.deliveries > 0) {
      logger.info({ event: "attendance_retention", days, ...removed }, "old attendances purged");
    }
  },
  (err) => logger.error({ err }, "attendance retention run failed"),
);

export function startAttendanceRetentionWorker(): void {
  worker.start(HOUR_MS);
}

export function stopAttendanceRetentionWorker(): Promise<void> {
  return worker.stop();
}
