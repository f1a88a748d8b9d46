/** Runs the webhook processor right after a new delivery and every 30 s for anything left over. */
import "server-only";
import { getDb } from "@/server/db/client";
import { intervalWorker } from "@/server/jobs/worker-loop";
import { logger } from "@/server/log";
import { processPendingWebhooks } from "./processor";
import { receiveWebhook } from "./receiver";

const worker = intervalWorker(
  async () => {
    const { db } = await getDb();
    await processPendingWebhooks(db);
  },
  (err) => logger.error({ err }, "webhook processing run failed"),
);

export function kickWebhookProcessing(): void {
  worker.kick();
}

export function startWebhookWorker(): void {
  worker.start(30_000);
}

export function stopWebhookWorker(): Promise<void> {
  return worker.stop();
}

/** The webhook route's whole job: store the delivery on the app's database, then wake the processor. */
export async function receiveWebhookRequest(req: Request, token: string, event: string): Promise<Response> {
  const { db } = await getDb();
  return receiveWebhook(db, req, token, event, kickWebhookProcessing);
}
