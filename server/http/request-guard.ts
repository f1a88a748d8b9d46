/**
 * Cross-site request and size guard for the tRPC endpoint. tRPC v11 would accept
 * form-encoded and multipart mutations, which browsers send cross-site without a
 * preflight: mutations (POST) must be JSON from our own origin.
 */
import { IMPORT_MAX_BYTES } from "@/lib/import/operators-csv";
import { configuredOrigin, requestOrigin } from "./public-origin";

/**
 * The largest request body: room for the biggest CSV the import accepts once it is written as
 * a JSON string (quotes and line breaks escaped: up to twice its size) in a tRPC envelope.
 */
export const MAX_BODY_BYTES = 2 * IMPORT_MAX_BYTES + 64 * 1024;
export const MAX_BATCH_SIZE = 10;

function expectedOrigin(req: Request): string {
  const url = new URL(req.url);
  return configuredOrigin() ?? requestOrigin(req.headers, url.protocol === "https:" ? "https" : "http") ?? url.origin;
}

/** A Response refusing the request, or null when it may proceed. */
export function guardTrpcRequest(req: Request): Response | null {
  const json = (status: number, code: string) =>
    new Response(JSON.stringify({ error: { code } }), {
      status,
      headers: { "content-type": "application/json", "cache-control": "no-store" },
    });
  if (req.method === "POST") {
    const type = (req.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
    if (type !== "application/json") return json(415, "UNSUPPORTED_MEDIA_TYPE");
    if (req.headers.get("sec-fetch-site") === "cross-site") return json(403, "FORBIDDEN");
    const origin = req.headers.get("origin");
    if (origin && origin !== expectedOrigin(req)) return json(403, "FORBIDDEN");
    const length = Number(req.headers.get("content-length") ?? "0");
    if (length > MAX_BODY_BYTES) return json(413, "PAYLOAD_TOO_LARGE");
  }
  return null;
}
