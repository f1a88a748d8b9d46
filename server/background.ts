/**
 * Long-running work of the server process (workers, reconcilers), started once from
 * instrumentation.ts and stopped before the database closes on shutdown (scripts/serve.mjs),
 * so no run is cut off mid-query. Each feature registers its starter and stopper here.
 */
import "server-only";
import { startStaffGrant, stopStaffGrant } from "@/server/auth/staff-at-start";
import { startAttendanceRetentionWorker, stopAttendanceRetentionWorker } from "@/server/attendances/retention-worker";
import { logger } from "@/server/log";
import { startMailWorker, stopMailWorker } from "@/server/mail/worker";
import { startImportWorker, stopImportWorker } from "@/server/provisioning/import-runner";
import { startReconcilerWorker, stopReconcilerWorker } from "@/server/provisioning/reconciler-worker";
import { startWebhookWorker, stopWebhookWorker } from "@/server/webhooks/worker";

type Worker = { name: string; start: () => void; stop: () => Promise<void> };
const workers: Worker[] = [
  { name: "platform-staff", start: startStaffGrant, stop: stopStaffGrant },
  { name: "webhooks", start: startWebhookWorker, stop: stopWebhookWorker },
  { name: "reconciler", start: startReconcilerWorker, stop: stopReconcilerWorker },
  { name: "imports", start: startImportWorker, stop: stopImportWorker },
  { name: "mail", start: startMailWorker, stop: stopMailWorker },
  { name: "attendance-retention", start: startAttendanceRetentionWorker, stop: stopAttendanceRetentionWorker },
];

export function startBackgroundWork(): void {
  if (process.env.PORTAL_BACKGROUND_WORK === "off") return;
  for (const w of workers) {
    try {
      w.start();
      logger.info({ worker: w.name }, "background worker started");
    } catch (err) {
      logger.error({ worker: w.name, err }, "background worker failed to start");
    }
  }
}

/** Ends every worker's timer and waits for the runs in flight. */
export async function stopBackgroundWork(): Promise<void> {
  await Promise.allSettled(workers.map((w) => w.stop()));
}
