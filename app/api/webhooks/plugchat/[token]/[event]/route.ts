/** PlugChat's start/finish-attendance webhooks: see server/webhooks/receiver.ts. */
import { getDb } from "@/server/db/client";
import { receiveWebhook } from "@/server/webhooks/receiver";
import { kickWebhookProcessing } from "@/server/webhooks/worker";

export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ token: string; event: string }> }) {
  const { token, event } = await params;
  const { db } = await getDb();
  return receiveWebhook(db, req, token, event, kickWebhookProcessing);
}
