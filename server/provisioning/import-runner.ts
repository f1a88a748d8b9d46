/**
 * This process's import worker (server/background.ts): provisions import job rows as they
 * come, IMPORT_CONCURRENCY vendor calls at a time; `imports.start` and the retries wake it.
 * Several portal instances may run one each (rows are claimed with leases).
 */
import "server-only";
import { getDb } from "@/server/db/client";
import { logger } from "@/server/log";
import { getChatProvider } from "@/server/providers";
import { ImportWorker, setProcessImportWorker } from "./import-worker";

let started: Promise<ImportWorker | null> | null = null;

export function startImportWorker(): void {
  started = (async () => {
    try {
      const { db } = await getDb();
      const worker = new ImportWorker({
        db,
        provider: getChatProvider(),
        onError: (err) => logger.error({ err }, "import worker error"),
      });
      setProcessImportWorker(worker);
      worker.start();
      logger.info({ instanceId: worker.instanceId, concurrency: worker.concurrency }, "import worker running");
      return worker;
    } catch (err) {
      logger.error({ err }, "import worker failed to start");
      return null;
    }
  })();
}

/** Stops claiming rows and waits for the rows in flight (their leases free them otherwise). */
export async function stopImportWorker(): Promise<void> {
  const worker = await started;
  started = null;
  if (!worker) return;
  setProcessImportWorker(null);
  await worker.stop();
}
