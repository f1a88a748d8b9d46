/**
 * The canary secrets the e2e portals run with (scripts/e2e-server.ts), and where their
 * logs are kept. Tests look for these values where they must never appear: the browser
 * bundle, API answers and the server logs.
 */
import path from "node:path";

export const E2E_SECRETS = {
  NEXTAUTH_SECRET: "e2e-nextauth-secret-0123456789abcdef0123456789",
  ENCRYPTION_KEY: "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
  PLUGCHAT_TOKEN: "e2e-integrator-token",
  CDP_TOKEN: "e2e-cdp-token",
} as const;

/**
 * What every production portal of the e2e run starts with: production mode (which refuses to
 * start without secrets, hence these canaries), `dataDir`, `publicUrl` and the PlugChat emulator
 * at `emulator`. Only PUBLIC_URL, as README's production set-up: every absolute URL (sign-out
 * redirect included) must follow it without next-auth's NEXTAUTH_URL.
 */
export function productionPortalEnv({
  dataDir,
  publicUrl,
  emulator,
}: {
  dataDir: string;
  publicUrl: string;
  emulator: string;
}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATA_DIR: dataDir,
    PUBLIC_URL: publicUrl,
    NEXTAUTH_SECRET: E2E_SECRETS.NEXTAUTH_SECRET,
    ENCRYPTION_KEYS: `e2e1:${E2E_SECRETS.ENCRYPTION_KEY}`,
    PLUGCHAT_TOKEN: E2E_SECRETS.PLUGCHAT_TOKEN,
    PLUGCHAT_BASE_URL: `${emulator}/integrator`,
    PLUGCHAT_SDK_URL: `${emulator}/sdk/index.js`,
    // Everything down to info goes to e2e-artifacts/server-logs/ (checked for secrets after the run
    // by e2e/global-teardown.ts); scripts/e2e-server.ts shows only warnings and errors.
    LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
  };
}

/** Every portal's whole output during the run: `<portal>.log`. */
export const SERVER_LOG_DIR = path.resolve("e2e-artifacts/server-logs");

/** What the portals e-mailed during the run (scripts/e2e-server.ts's SMTP sink): `<n>.json`. */
export const MAIL_DIR = path.resolve("e2e-artifacts/mail");

/** Passwords typed in the e2e flows: they reach the server and must never be logged. */
export const E2E_PASSWORDS = {
  user: "uma frase secreta bem longa",
  chatOperator: "senha-do-joao-1",
  afterReset: "minha nova frase depois do reset",
} as const;

/** The e2e portal's PLATFORM_STAFF_EMAILS: the account e2e/admin-console.spec.ts signs up is staff from its first row. */
export const E2E_STAFF_EMAIL = "equipe.plataforma@example.com.br";
