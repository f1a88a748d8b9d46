/**
 * The server Playwright tests run against: a fresh data folder, the vendor emulator with
 * clean state, and a PRODUCTION build of the portal (`next build` + `next start`).
 * Ports: portal E2E_PORT (3100), emulator E2E_EMULATOR_PORT (4110).
 * After the same ONE build, a second portal in CDP mode (CHAT_PROVIDER=cdp) on E2E_CDP_PORT
 * (3101), with its own data folder, against the CDP emulator on E2E_CDP_EMULATOR_PORT (4120).
 * It starts once the PlugChat portal answers, so waiting for the CDP portal waits for both.
 * E2E_SKIP_BUILD=1 reuses an existing .next build (local iteration only).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

const portalPort = process.env.E2E_PORT ?? "3100";
const emulatorPort = process.env.E2E_EMULATOR_PORT ?? "4110";
const dataDir = path.resolve(process.env.E2E_DATA_DIR ?? ".data/e2e");
const origin = `http://127.0.0.1:${portalPort}`;
const cdpPortalPort = process.env.E2E_CDP_PORT ?? "3101";
const cdpEmulatorPort = process.env.E2E_CDP_EMULATOR_PORT ?? "4120";
const cdpDataDir = `${dataDir}-cdp`;
const cdpOrigin = `http://127.0.0.1:${cdpPortalPort}`;
const emulatorOrigin = `http://127.0.0.1:${emulatorPort}`;

rmSync(dataDir, { recursive: true, force: true });
rmSync(cdpDataDir, { recursive: true, force: true });

/** Fixed test-only values: production mode refuses to start without secrets. */
export const e2eEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATA_DIR: dataDir,
  PUBLIC_URL: origin,
  NEXTAUTH_URL: origin,
  NEXTAUTH_SECRET: "e2e-nextauth-secret-0123456789abcdef0123456789",
  ENCRYPTION_KEYS: "e2e1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
  PLUGCHAT_TOKEN: "e2e-integrator-token",
  PLUGCHAT_BASE_URL: `${emulatorOrigin}/integrator`,
  PLUGCHAT_SDK_URL: `${emulatorOrigin}/sdk/index.js`,
  PLUGCHAT_TIMEOUT_MS: "3000",
  // Every e2e test signs up from 127.0.0.1.
  RATE_LIMIT_SIGN_UPS_PER_HOUR: "10000",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
};

/** The CDP-mode portal: same build, its own data, the CDP gateway emulator as its provider. */
const CDP_E2E_TOKEN = "e2e-cdp-token";
export const e2eCdpEnv: NodeJS.ProcessEnv = {
  ...e2eEnv,
  DATA_DIR: cdpDataDir,
  PUBLIC_URL: cdpOrigin,
  NEXTAUTH_URL: cdpOrigin,
  CHAT_PROVIDER: "cdp",
  CDP_BASE_URL: `http://127.0.0.1:${cdpEmulatorPort}`,
  CDP_TOKEN: CDP_E2E_TOKEN,
  CDP_TIMEOUT_MS: "3000",
};

const children: ChildProcess[] = [];
function stopAll(code: number): never {
  for (const child of children) child.kill("SIGTERM");
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stopAll(0));

const emulator = spawn(process.execPath, ["--import", "tsx", "emulators/plugchat/main.ts"], {
  stdio: "inherit",
  env: { ...e2eEnv, NODE_ENV: "development", PLUGCHAT_EMULATOR_PORT: emulatorPort, PLUGCHAT_EMULATOR_STATE: path.join(dataDir, "emulator.json") },
});
children.push(emulator);
emulator.on("exit", (code) => stopAll(code ?? 1));

const cdpEmulator = spawn(process.execPath, ["--import", "tsx", "emulators/cdp/main.ts"], {
  stdio: "inherit",
  env: { ...e2eCdpEnv, NODE_ENV: "development", CDP_EMULATOR_PORT: cdpEmulatorPort, CDP_EMULATOR_STATE: path.join(cdpDataDir, "emulator", "cdp.json") },
});
children.push(cdpEmulator);
cdpEmulator.on("exit", (code) => stopAll(code ?? 1));

const next = path.join("node_modules", "next", "dist", "bin", "next");
if (process.env.E2E_SKIP_BUILD !== "1") {
  const build = spawnSync(process.execPath, [next, "build"], { stdio: "inherit", env: e2eEnv });
  if (build.status !== 0) stopAll(build.status ?? 1);
}
const portal = spawn(process.execPath, [next, "start", "-p", portalPort, "-H", "127.0.0.1"], { stdio: "inherit", env: e2eEnv });
children.push(portal);
portal.on("exit", (code) => stopAll(code ?? 1));

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
const cdpPortal = spawn(process.execPath, [next, "start", "-p", cdpPortalPort, "-H", "127.0.0.1"], { stdio: "inherit", env: e2eCdpEnv });
children.push(cdpPortal);
cdpPortal.on("exit", (code) => stopAll(code ?? 1));
