/** Delivers the mail outbox every 15 s (server/background.ts) besides the kick each new e-mail gives. */
import "server-only";
import { getDb } from "@/server/db/client";
import { logger } from "@/server/log";
import { kickMailDelivery } from "./outbox";

export const MAIL_INTERVAL_MS = 15_000;

function sweep(): void {
  getDb()
    .then(({ db }) => kickMailDelivery(db))
    .catch((err: unknown) => logger.error({ err }, "mail outbox sweep failed"));
}

export function startMailWorker(): void {
  setInterval(sweep, MAIL_INTERVAL_MS).unref();
  sweep();
}
