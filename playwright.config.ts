/**
 * End-to-end tests: a production build against the vendor emulator (scripts/e2e-server.ts),
 * driven in Debian's Chromium (/usr/bin/chromium); Playwright's own browser where one is
 * installed and the system one is missing.
 */
import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const port = process.env.E2E_PORT ?? "3100";
const emulatorPort = process.env.E2E_EMULATOR_PORT ?? "4110";
process.env.E2E_EMULATOR_URL = `http://127.0.0.1:${emulatorPort}`;
process.env.E2E_BASE_URL = `http://127.0.0.1:${port}`;
// The CDP-mode portal (scripts/e2e-server.ts starts it after the PlugChat one, from the same build).
const cdpPort = process.env.E2E_CDP_PORT ?? "3101";
const cdpEmulatorPort = process.env.E2E_CDP_EMULATOR_PORT ?? "4120";
process.env.E2E_CDP_BASE_URL = `http://127.0.0.1:${cdpPort}`;
process.env.E2E_CDP_EMULATOR_URL = `http://127.0.0.1:${cdpEmulatorPort}`;

const systemChromium = "/usr/bin/chromium";

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./e2e-artifacts/results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Whole journeys (sign-up → six onboarding steps → chat) on a 2-core machine shared with a build.
  timeout: 180_000,
  expect: { timeout: 15_000 },
  // The server logs of the whole run hold no secret (e2e/global-teardown.ts).
  globalTeardown: "./e2e/global-teardown.ts",
  reporter: [["list"], ["html", { outputFolder: "e2e-artifacts/report", open: "never" }]],
  use: {
    baseURL: process.env.E2E_BASE_URL,
    locale: "pt-BR",
    timezoneId: "America/Sao_Paulo",
    screenshot: "on",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: existsSync(systemChromium) ? systemChromium : undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "chromium", testIgnore: "cdp/**", use: { ...devices["Desktop Chrome"] } },
    {
      name: "cdp",
      testMatch: "cdp/**/*.spec.ts",
      use: { ...devices["Desktop Chrome"], baseURL: process.env.E2E_CDP_BASE_URL },
    },
  ],
  webServer: {
    command: "node --import tsx scripts/e2e-server.ts",
    // The CDP portal starts only once the PlugChat one answers: this waits for both.
    url: `http://127.0.0.1:${cdpPort}/sign-in`,
    // A production build on 2 cores can take several minutes when the machine is busy.
    timeout: 900_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
