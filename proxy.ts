/**
 * Runs before every response, with the environment of the running process (not of the
 * build): the security headers of server/http/security-headers.ts on everything (HSTS
 * whenever PUBLIC_URL is https), and for pages a fresh CSP nonce per request, handed to
 * Next (which puts it on its own scripts) through the request's Content-Security-Policy
 * header and to our pages through `x-nonce`.
 */
import { NextResponse, type NextRequest } from "next/server";
import { chatSdkUrl } from "@/server/config/sdk";
import { buildCsp } from "@/server/http/csp";
import { isHttpsDeployment, securityHeaders } from "@/server/http/security-headers";

/** The icons (app/favicon.ico, app/icon.svg, app/apple-icon.png) are files, not pages. */
const ICONS = new Set(["/favicon.ico", "/icon.svg", "/apple-icon.png"]);

/** API routes answer JSON and /_next/ serves files: they get the headers, not a page's CSP. */
function isPage(pathname: string): boolean {
  return !pathname.startsWith("/api/") && !pathname.startsWith("/_next/") && !ICONS.has(pathname);
}

export function proxy(request: NextRequest) {
  const secure = isHttpsDeployment();
  let response: NextResponse;
  if (isPage(request.nextUrl.pathname)) {
    const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
    const csp = buildCsp({ nonce, sdkUrl: chatSdkUrl(), development: process.env.NODE_ENV === "development", secure });
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("content-security-policy", csp);
    // For the signed-in area's two-factor gate (server/auth/two-factor-gate.ts): layouts are not told the path.
    requestHeaders.set("x-pathname", request.nextUrl.pathname);
    response = NextResponse.next({ request: { headers: requestHeaders } });
    response.headers.set("content-security-policy", csp);
  } else {
    response = NextResponse.next();
  }
  for (const [name, value] of securityHeaders({ secure })) response.headers.set(name, value);
  return response;
}

export const config = {
  // Every path: API answers and static files need HSTS and nosniff as much as pages do.
  matcher: [{ source: "/:path*" }],
};
