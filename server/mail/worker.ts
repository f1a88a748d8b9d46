/** Delivers the mail outbox every 15 s (server/background.ts) besides the kick each new e-mail gives. */
import "server-only";
import { getDb } from "@/server/db/client";
import { intervalWorker } from "@/server/jobs/worker-loop";
import { logger } from "@/server/log";
import { kickMailDelivery } from "./outbox";

export const MAIL_INTERVAL_MS = 15_000;

const worker = intervalWorker(
  async () => {
    const { db } = await getDb();
    await kickMailDelivery(db);
  },
  (err) => logger.error({ err }, "mail outbox sweep failed"),
);

export function startMailWorker(): void {
  worker.start(MAIL_INTERVAL_MS);
}

export function stopMailWorker(): Promise<void> {
  return worker.stop();
}
