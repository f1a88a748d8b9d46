import { PHASE_PRODUCTION_SERVER } from "next/constants.js";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native/WASM server packages are loaded from node_modules at run time, never bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg", "pino", "rate-limiter-flexible"],
  typedRoutes: false,
  // Development: Next serves its scripts and hot reload only to the host it started on (localhost);
  // a page opened at http://127.0.0.1:3000 would never become interactive. Loopback only.
  allowedDevOrigins: ["127.0.0.1", "[::1]"],
  // forbidden() + forbidden.tsx: a member on a team page for admins gets "Sem acesso" with HTTP 403.
  experimental: {
    authInterrupts: true,
    // Next loads every route's server module right after start by default; on two cores that holds the
    // first request back by ~0.4 s (issue 13's cold start). Each route now loads on its first request.
    preloadEntriesOnStart: false,
  },
  // Security headers are set per request by proxy.ts from the running process's environment
  // (HSTS follows the PUBLIC_URL given at start); only what never changes stays here.
  // The integrator's logo (/api/branding/logo) sets its own long cache and ETag.
  async headers() {
    return [{ source: "/api/:path((?!branding/).*)", headers: [{ key: "Cache-Control", value: "no-store" }] }];
  },
};

/**
 * next-intl's plugin only adds build-time settings (Turbopack's message loader and aliases; webpack's
 * equivalent): messages are precompiled at build time (its experimental catalog loader over
 * messages/**.json), so the browser formats them without the ICU parser (intl-messageformat).
 * `npm start` (the production server) has no use for it and skips loading it (~0.1 s per config
 * load, twice per start: issue 13's cold start).
 */
export default async function config(phase) {
  if (phase === PHASE_PRODUCTION_SERVER) return nextConfig;
  const { default: createNextIntlPlugin } = await import("next-intl/plugin");
  const withNextIntl = createNextIntlPlugin({
    requestConfig: "./lib/i18n/request.ts",
    experimental: { messages: { path: "./messages", format: "json", locales: ["pt-BR", "en"], precompile: true } },
  });
  return withNextIntl(nextConfig);
}
