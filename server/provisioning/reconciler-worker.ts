/** Runs the reconciler every minute (server/background.ts); one sweep at a time per process. */
import "server-only";
import { getDb } from "@/server/db/client";
import { logger } from "@/server/log";
import { getChatProvider } from "@/server/providers";
import { reconcileAll } from "./reconciler";

export const RECONCILE_INTERVAL_MS = 60_000;

let running: Promise<void> | null = null;

export function kickReconciler(): void {
  running ??= (async () => {
    try {
      const { db } = await getDb();
      const reports = await reconcileAll(db, getChatProvider(), { trigger: "schedule" });
      for (const r of reports) {
        if (r.ran && (r.adopted || r.recreated || r.refreshed || r.failed || r.error)) {
          logger.info(
            {
              organizationId: r.organizationId,
              adopted: r.adopted,
              recreated: r.recreated,
              refreshed: r.refreshed,
              failed: r.failed,
              needsAttention: r.needsAttention,
              error: r.error,
            },
            "reconciler run",
          );
        }
      }
    } catch (err) {
      logger.error({ err }, "reconciler sweep failed");
    } finally {
      running = null;
    }
  })();
}

export function startReconcilerWorker(): void {
  setInterval(kickReconciler, RECONCILE_INTERVAL_MS).unref();
  kickReconciler();
}
