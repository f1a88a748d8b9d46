/**
 * Long-running work of the server process (workers, reconcilers), started once from
 * instrumentation.ts. Each feature registers its starter here.
 */
import "server-only";
import { logger } from "@/server/log";
import { startMailWorker } from "@/server/mail/worker";
import { startImportWorker } from "@/server/provisioning/import-runner";
import { startReconcilerWorker } from "@/server/provisioning/reconciler-worker";
import { startWebhookWorker } from "@/server/webhooks/worker";

type Starter = { name: string; start: () => void };
const starters: Starter[] = [
  { name: "webhooks", start: startWebhookWorker },
  { name: "reconciler", start: startReconcilerWorker },
  { name: "imports", start: startImportWorker },
  { name: "mail", start: startMailWorker },
];

export function startBackgroundWork(): void {
  if (process.env.PORTAL_BACKGROUND_WORK === "off") return;
  for (const s of starters) {
    try {
      s.start();
      logger.info({ worker: s.name }, "background worker started");
    } catch (err) {
      logger.error({ worker: s.name, err }, "background worker failed to start");
    }
  }
}
