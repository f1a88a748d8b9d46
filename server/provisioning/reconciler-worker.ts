/** Runs the reconciler every minute (server/background.ts); one sweep at a time per process. */
import "server-only";
import { getDb } from "@/server/db/client";
import { intervalWorker } from "@/server/jobs/worker-loop";
import { logger } from "@/server/log";
import { getChatProvider } from "@/server/providers";
import { reconcileAll, runOutcome } from "./reconciler";

export const RECONCILE_INTERVAL_MS = 60_000;

const worker = intervalWorker(
  async () => {
    const { db } = await getDb();
    const reports = await reconcileAll(db, getChatProvider(), { trigger: "schedule" });
    for (const r of reports) {
      if (r.ran && (r.adopted || r.recreated || r.refreshed || r.failed || r.error)) {
        logger.info({ organizationId: r.organizationId, ...runOutcome(r) }, "reconciler run");
      }
    }
  },
  (err) => logger.error({ err }, "reconciler sweep failed"),
);

export function kickReconciler(): void {
  worker.kick();
}

export function startReconcilerWorker(): void {
  worker.start(RECONCILE_INTERVAL_MS);
}

export function stopReconcilerWorker(): Promise<void> {
  return worker.stop();
}
