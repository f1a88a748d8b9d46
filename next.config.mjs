import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native/WASM server packages are loaded from node_modules at run time, never bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg", "pino", "rate-limiter-flexible"],
  typedRoutes: false,
  // forbidden() + forbidden.tsx: a member on a team page for admins gets "Sem acesso" with HTTP 403.
  experimental: { authInterrupts: true },
  // Security headers are set per request by proxy.ts from the running process's environment
  // (HSTS follows the PUBLIC_URL given at start); only what never changes stays here.
  async headers() {
    return [{ source: "/api/:path*", headers: [{ key: "Cache-Control", value: "no-store" }] }];
  },
};

export default withNextIntl(nextConfig);
