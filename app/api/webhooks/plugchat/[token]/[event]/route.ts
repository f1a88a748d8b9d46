/** PlugChat's start/finish-attendance webhooks: see server/webhooks/receiver.ts. */
import { receiveWebhookRequest } from "@/server/webhooks/worker";

export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ token: string; event: string }> }) {
  const { token, event } = await params;
  return receiveWebhookRequest(req, token, event);
}
