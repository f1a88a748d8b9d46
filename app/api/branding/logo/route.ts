/**
 * GET /api/branding/logo — the integrator's logo (Configuração da plataforma), public: the sign-in
 * page, the portal's header and the chat SDK show it. The pages link it as `?v=<hash>`, a URL
 * that changes with the file, so that URL is cached for a year; any other asks again, and the
 * ETag (the file's sha256) turns a repeat into a 304. An SVG is served under a CSP that lets it
 * run nothing and load nothing, even when opened on its own.
 */
import { getPlatformLogo } from "@/server/platform/settings";

export const dynamic = "force-dynamic";

const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

export async function GET(request: Request): Promise<Response> {
  const logo = await getPlatformLogo();
  if (!logo) return new Response(null, { status: 404, headers: { "cache-control": "no-cache" } });
  const etag = `"${logo.sha256}"`;
  const version = new URL(request.url).searchParams.get("v");
  const headers: Record<string, string> = {
    etag,
    "cache-control": version === logo.sha256.slice(0, 16) ? "public, max-age=31536000, immutable" : "public, no-cache",
    "x-content-type-options": "nosniff",
  };
  const matches = request.headers
    .get("if-none-match")
    ?.split(",")
    .some((tag) => tag.trim().replace(/^W\//, "") === etag);
  if (matches) return new Response(null, { status: 304, headers });
  headers["content-type"] = logo.type;
  headers["content-length"] = String(logo.bytes.length);
  if (logo.type === "image/svg+xml") headers["content-security-policy"] = SVG_CSP;
  return new Response(logo.bytes as Uint8Array<ArrayBuffer>, { headers });
}
