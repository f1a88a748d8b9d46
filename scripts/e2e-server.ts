/**
 * The server Playwright tests run against: a fresh data folder, the vendor emulator with
 * clean state, and a PRODUCTION build of the portal (`next build`, then `npm start`'s
 * scripts/serve.mjs). The build is made WITHOUT PUBLIC_URL/NEXTAUTH_URL, as a deployment
 * image would be: whatever depends on them must be decided when the server starts
 * (e2e/security-headers.spec.ts starts one more portal from this build with an https one).
 * Ports: portal E2E_PORT (3100), emulator E2E_EMULATOR_PORT (4110).
 * After the same ONE build, a second portal in CDP mode (CHAT_PROVIDER=cdp) on E2E_CDP_PORT
 * (3101), with its own data folder, against the CDP emulator on E2E_CDP_EMULATOR_PORT (4120).
 * It starts once the PlugChat portal answers, so waiting for the CDP portal waits for both.
 * Both portals e-mail through SMTP to a loopback sink on E2E_SMTP_PORT (4130), which keeps
 * each message in e2e-artifacts/mail/ for the tests to read (password reset links).
 * E2E_SKIP_BUILD=1 reuses an existing .next build (local iteration only). E2E_CDP=0 starts neither
 * the CDP emulator nor the CDP portal (the benchmarks, which do not use it).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { E2E_SECRETS, E2E_STAFF_EMAIL, MAIL_DIR, productionPortalEnv, SERVER_LOG_DIR } from "../e2e/secrets";
import { startMailSink } from "../emulators/mail/sink";

const portalPort = process.env.E2E_PORT ?? "3100";
const emulatorPort = process.env.E2E_EMULATOR_PORT ?? "4110";
const dataDir = path.resolve(process.env.E2E_DATA_DIR ?? ".data/e2e");
const origin = `http://127.0.0.1:${portalPort}`;
const cdpPortalPort = process.env.E2E_CDP_PORT ?? "3101";
const cdpEmulatorPort = process.env.E2E_CDP_EMULATOR_PORT ?? "4120";
const cdpDataDir = `${dataDir}-cdp`;
const cdpOrigin = `http://127.0.0.1:${cdpPortalPort}`;
const emulatorOrigin = `http://127.0.0.1:${emulatorPort}`;
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? "4130");
const withCdp = process.env.E2E_CDP !== "0";

rmSync(dataDir, { recursive: true, force: true });
rmSync(cdpDataDir, { recursive: true, force: true });
rmSync(MAIL_DIR, { recursive: true, force: true });
const mailSink = await startMailSink({ port: smtpPort, dir: MAIL_DIR });

/** Fixed test-only values, and what the specs need of this portal. */
export const e2eEnv: NodeJS.ProcessEnv = {
  ...productionPortalEnv({ dataDir, publicUrl: origin, emulator: emulatorOrigin }),
  PLUGCHAT_TIMEOUT_MS: "3000",
  SMTP_URL: mailSink.url,
  MAIL_FROM: "Portal PlugChat <no-reply@portal.test>",
  // The plan step shows seats × this price (e2e/onboarding.spec.ts checks "R$ 49,90").
  PLAN_PRICE_PER_SEAT: "49.90",
  // Relatórios: a cached report is old after 5 s (5 min by default), so e2e/reports.spec.ts can
  // make the chat fail and see the last result with its age without waiting minutes.
  REPORTS_CACHE_SECONDS: "5",
  // Platform staff from their first row: e2e/admin-console.spec.ts's, e2e/admin-suspend.spec.ts's and
  // e2e/admin-branding.spec.ts's (e2e/admin-staff-cli.spec.ts runs npm run staff:grant on a portal of its own).
  PLATFORM_STAFF_EMAILS:
    process.env.PLATFORM_STAFF_EMAILS ??
    `${E2E_STAFF_EMAIL},staff.suspend@e2e.example.com.br,marca.staff@example.com.br`,
  // The suspension page's contact (e2e/admin-suspend.spec.ts).
  SUPPORT_EMAIL: "suporte@integrador.example.com.br",
  // Every e2e test signs up from 127.0.0.1.
  RATE_LIMIT_SIGN_UPS_PER_HOUR: "10000",
  // …and confirms each new account's e-mail from there too (more than 30 in 15 minutes, the default).
  RATE_LIMIT_EMAIL_CONFIRMATIONS_PER_15_MINUTES: "10000",
};

/** The CDP-mode portal: same build, its own data, the CDP gateway emulator as its provider. */
export const e2eCdpEnv: NodeJS.ProcessEnv = {
  ...e2eEnv,
  DATA_DIR: cdpDataDir,
  PUBLIC_URL: cdpOrigin,
  CHAT_PROVIDER: "cdp",
  CDP_BASE_URL: `http://127.0.0.1:${cdpEmulatorPort}`,
  CDP_TOKEN: E2E_SECRETS.CDP_TOKEN,
  CDP_TIMEOUT_MS: "3000",
};

const children: ChildProcess[] = [];
function stopAll(code: number): never {
  for (const child of children) child.kill("SIGTERM");
  void mailSink.close();
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stopAll(0));

const emulator = spawn(process.execPath, ["--import", "tsx", "emulators/plugchat/main.ts"], {
  stdio: "inherit",
  env: {
    ...e2eEnv,
    NODE_ENV: "development",
    PLUGCHAT_EMULATOR_PORT: emulatorPort,
    PLUGCHAT_EMULATOR_STATE: path.join(dataDir, "emulator.json"),
  },
});
children.push(emulator);
emulator.on("exit", (code) => stopAll(code ?? 1));

if (withCdp) {
  const cdpEmulator = spawn(process.execPath, ["--import", "tsx", "emulators/cdp/main.ts"], {
    stdio: "inherit",
    env: {
      ...e2eCdpEnv,
      NODE_ENV: "development",
      CDP_EMULATOR_PORT: cdpEmulatorPort,
      CDP_EMULATOR_STATE: path.join(cdpDataDir, "emulator", "cdp.json"),
    },
  });
  children.push(cdpEmulator);
  cdpEmulator.on("exit", (code) => stopAll(code ?? 1));
}

const next = path.join("node_modules", "next", "dist", "bin", "next");
if (process.env.E2E_SKIP_BUILD !== "1") {
  const buildEnv: NodeJS.ProcessEnv = { ...e2eEnv };
  delete buildEnv.PUBLIC_URL;
  delete buildEnv.NEXTAUTH_URL;
  const build = spawnSync(process.execPath, [next, "build"], { stdio: "inherit", env: buildEnv });
  if (build.status !== 0) stopAll(build.status ?? 1);
}
rmSync(SERVER_LOG_DIR, { recursive: true, force: true });
mkdirSync(SERVER_LOG_DIR, { recursive: true });

/** `npm start` (scripts/serve.mjs) with its output kept whole in a file and warnings/errors echoed to the console. */
function startPortal(name: string, port: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, ["scripts/serve.mjs", "-p", port, "-H", "127.0.0.1"], {
    stdio: ["ignore", "pipe", "pipe"],
    env,
  });
  const file = createWriteStream(path.join(SERVER_LOG_DIR, `${name}.log`));
  for (const [stream, console] of [
    [child.stdout!, process.stdout],
    [child.stderr!, process.stderr],
  ] as const) {
    createInterface({ input: stream }).on("line", (line) => {
      file.write(`${line}\n`);
      const level = /^\{.*"level":(\d+)/.exec(line)?.[1];
      if (!level || Number(level) >= 40) console.write(`[${name}] ${line}\n`);
    });
  }
  children.push(child);
  child.on("exit", (code) => stopAll(code ?? 1));
  return child;
}

startPortal("plugchat", portalPort, e2eEnv);

/** Resolves once `url` answers (any status), so the second portal starts after the first. */
async function waitFor(url: string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      await fetch(url, { redirect: "manual" });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  stopAll(1);
}

await waitFor(`${origin}/sign-in`);
if (withCdp) startPortal("cdp", cdpPortalPort, e2eCdpEnv);
