/** Runs the webhook processor right after a new delivery and every 30 s for anything left over. */
import "server-only";
import { getDb } from "@/server/db/client";
import { logger } from "@/server/log";
import { processPendingWebhooks } from "./processor";
import { receiveWebhook } from "./receiver";

let running: Promise<void> | null = null;

export function kickWebhookProcessing(): void {
  running ??= (async () => {
    try {
      const { db } = await getDb();
      await processPendingWebhooks(db);
    } catch (err) {
      logger.error({ err }, "webhook processing run failed");
    } finally {
      running = null;
    }
  })();
}

export function startWebhookWorker(): void {
  setInterval(kickWebhookProcessing, 30_000).unref();
  kickWebhookProcessing();
}

/** The webhook route's whole job: store the delivery on the app's database, then wake the processor. */
export async function receiveWebhookRequest(req: Request, token: string, event: string): Promise<Response> {
  const { db } = await getDb();
  return receiveWebhook(db, req, token, event, kickWebhookProcessing);
}
