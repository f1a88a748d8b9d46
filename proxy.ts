/**
 * Runs before every page: a fresh CSP nonce per request, handed to Next (which puts it on
 * its own scripts) through the request's Content-Security-Policy header and to our pages
 * through `x-nonce`.
 */
import { NextResponse, type NextRequest } from "next/server";
import { chatSdkUrl } from "@/server/config/sdk";
import { buildCsp } from "@/server/http/csp";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = buildCsp({
    nonce,
    sdkUrl: chatSdkUrl(),
    development: process.env.NODE_ENV === "development",
    secure: (process.env.PUBLIC_URL ?? "").startsWith("https://"),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  // For the signed-in area's two-factor gate (server/auth/two-factor-gate.ts): layouts are not told the path.
  requestHeaders.set("x-pathname", request.nextUrl.pathname);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Pages only: API routes answer JSON, static assets are immutable files.
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }],
};
