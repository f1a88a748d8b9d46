/**
 * The webhook receiver (the vendor calls us when an attendance starts or finishes).
 * PlugChat signs nothing, so a delivery is authenticated by an unguessable per-account
 * token in its URL (32 random bytes; only the sha256 is stored; the previous token keeps
 * working until its grace period ends). Every refusal of the token is the same 404.
 * The body is stored raw and durably BEFORE the 2xx; processing happens afterwards.
 */
import "server-only";
import { createHash } from "node:crypto";
import { and, eq, gt, or } from "drizzle-orm";
import { isStorableText } from "@/lib/validation/text";
import type { Db } from "@/server/db/client";
import { vendorAccounts, webhookDeliveries } from "@/server/db/schema";
import { logger } from "@/server/log";

export const WEBHOOK_EVENTS = ["start", "finish"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export const MAX_WEBHOOK_BYTES = 64 * 1024;

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** The organization whose current (or still-in-grace previous) token this is. */
export async function organizationForToken(db: Db, token: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const hash = sha256(token);
  const [row] = await db
    .select({ organizationId: vendorAccounts.organizationId })
    .from(vendorAccounts)
    .where(
      or(
        eq(vendorAccounts.webhookTokenHash, hash),
        and(
          eq(vendorAccounts.previousWebhookTokenHash, hash),
          gt(vendorAccounts.previousWebhookTokenExpiresAt, new Date()),
        ),
      ),
    )
    .limit(1);
  return row?.organizationId ?? null;
}

/** Reads at most `limit` bytes of a body; null when it is larger. */
async function readLimited(req: Request, limit: number): Promise<string | null> {
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function dedupeKeyOf(payload: unknown, rawBody: string): string {
  const attendance = (payload as { attendance?: { attendanceNumber?: unknown; id?: unknown } } | null)?.attendance;
  const id = attendance?.id ?? attendance?.attendanceNumber;
  if (typeof id === "string" || typeof id === "number") return `attendance:${id}`;
  return `body:${sha256(rawBody)}`;
}

/**
 * True when every key and string of the parsed JSON can be stored: a NUL (`\u0000`) or half a
 * surrogate pair would make the text/jsonb insert fail (a 500 and a vendor retrying forever).
 */
function storable(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return isStorableText(value);
  if (value === null || typeof value !== "object") return true;
  // JSON.parse builds at most 64 KB here; the depth bound only keeps the walk off the stack's edge.
  if (depth > 200) return false;
  if (Array.isArray(value)) return value.every((v) => storable(v, depth + 1));
  return Object.entries(value).every(([k, v]) => isStorableText(k) && storable(v, depth + 1));
}

const empty = (status: number) => new Response(null, { status, headers: { "cache-control": "no-store" } });

/** Handles one delivery; `onStored` is told when a new row is waiting to be processed. */
export async function receiveWebhook(
  db: Db,
  req: Request,
  token: string,
  event: string,
  onStored?: () => void,
): Promise<Response> {
  if (!(WEBHOOK_EVENTS as readonly string[]).includes(event)) return empty(404);
  const type = (req.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") return empty(415);
  if (Number(req.headers.get("content-length") ?? 0) > MAX_WEBHOOK_BYTES) return empty(413);
  const organizationId = await organizationForToken(db, token);
  if (!organizationId) return empty(404);
  const rawBody = await readLimited(req, MAX_WEBHOOK_BYTES);
  if (rawBody === null) return empty(413);
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody);
  } catch {
    return empty(400);
  }
  if (!storable(payload)) return empty(400);
  const inserted = await db
    .insert(webhookDeliveries)
    .values({ organizationId, event, dedupeKey: dedupeKeyOf(payload, rawBody), rawBody })
    .onConflictDoNothing()
    .returning({ id: webhookDeliveries.id });
  // A duplicate delivery is acknowledged like the first: the vendor must stop retrying.
  logger.info(
    { event: "webhook_received", organizationId, kind: event, duplicate: inserted.length === 0 },
    "webhook stored",
  );
  if (inserted.length > 0) onStored?.();
  return empty(202);
}
