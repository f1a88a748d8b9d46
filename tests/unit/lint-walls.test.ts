/**
 * The layer walls of eslint.config.mjs (what `npm run lint` runs): an import across a wall is
 * an error naming no-restricted-imports; the same import from a layer allowed to make it passes.
 * Each case lints a one-line file at a path inside the zone, through the project's own config.
 */
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

let eslint: ESLint;

beforeAll(async () => {
  eslint = new ESLint({ cwd: fileURLToPath(new URL("../..", import.meta.url)) });
  // The first lint loads the config and the TypeScript parser (seconds on a busy machine).
  await eslint.lintText("export {};\n", { filePath: "lib/wall-probe.ts" });
}, 120_000);

/** The no-restricted-imports messages for `source` saved at `filePath`. */
async function wallErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\n\nexport const used = x;\n`, { filePath });
  expect(result, filePath).toBeDefined();
  // A file the config ignores would report nothing and prove nothing.
  expect(
    result!.messages.filter((m) => m.message.includes("File ignored")),
    filePath,
  ).toEqual([]);
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports" && m.severity === 2).map((m) => m.message);
}

const crossing: Array<[wall: string, filePath: string, source: string]> = [
  ["a page imports server/db", "app/(app)/team/wall-probe.tsx", 'import { getDb as x } from "@/server/db/client";'],
  [
    "a route handler imports server/db",
    "app/api/wall-probe/route.ts",
    'import { operators as x } from "@/server/db/schema";',
  ],
  [
    "a component imports a server/db type",
    "components/ui/wall-probe.tsx",
    'import type { Operator as x } from "@/server/db/schema";',
  ],
  [
    "a component imports server/db by a relative path",
    "components/ui/wall-probe.tsx",
    'import { getDb as x } from "../../server/db/client";',
  ],
  [
    "provisioning imports the API layer",
    "server/provisioning/wall-probe.ts",
    'import { createTRPCRouter as x } from "@/server/api/trpc";',
  ],
  [
    "provisioning imports the API layer by a relative path",
    "server/provisioning/wall-probe.ts",
    'import { createTRPCRouter as x } from "../api/trpc";',
  ],
  [
    "a provider imports provisioning",
    "server/providers/plugchat/wall-probe.ts",
    'import { audit as x } from "@/server/provisioning";',
  ],
  [
    "a provider imports server/db",
    "server/providers/wall-probe.ts",
    'import { getDb as x } from "@/server/db/client";',
  ],
  [
    "a provider imports server/db by a relative path",
    "server/providers/wall-probe.ts",
    'import { getDb as x } from "../db/client";',
  ],
  [
    "the job queue imports the work it runs",
    "server/jobs/wall-probe.ts",
    'import { audit as x } from "@/server/provisioning";',
  ],
  [
    "the job queue imports a worker by a relative path",
    "server/jobs/wall-probe.ts",
    'import { x } from "../mail/outbox";',
  ],
  ["server code imports an emulator", "server/api/wall-probe.ts", 'import { x } from "@/emulators/plugchat/server";'],
  ["lib imports an emulator", "lib/wall-probe.ts", 'import { x } from "../emulators/plugchat/server";'],
  ["a page imports an emulator", "app/wall-probe.tsx", 'import { x } from "@/emulators/cdp/server";'],
];

const allowed: Array<[why: string, filePath: string, source: string]> = [
  ["server/api reads the database", "server/api/wall-probe.ts", 'import { getDb as x } from "@/server/db/client";'],
  [
    "provisioning throws the neutral app error",
    "server/provisioning/wall-probe.ts",
    'import { appError as x } from "@/server/errors";',
  ],
  [
    "provisioning reads the database",
    "server/provisioning/wall-probe.ts",
    'import { operators as x } from "@/server/db/schema";',
  ],
  [
    "a provider uses its own errors",
    "server/providers/plugchat/wall-probe.ts",
    'import { ProviderError as x } from "../errors";',
  ],
  [
    "a page uses server/auth",
    "app/(app)/wall-probe.tsx",
    'import { currentSession as x } from "@/server/auth/current";',
  ],
  ["the job queue reads the database", "server/jobs/wall-probe.ts", 'import { Db as x } from "@/server/db/client";'],
  ["a test starts an emulator", "tests/wall-probe.test.ts", 'import { x } from "@/emulators/plugchat/server";'],
  ["a benchmark starts an emulator", "bench/wall-probe.ts", 'import { x } from "../emulators/plugchat/server";'],
  ["an emulator imports its own code", "emulators/cdp/wall-probe.ts", 'import { x } from "./server";'],
];

describe("layer walls (eslint no-restricted-imports)", () => {
  it.each(crossing)("refuses: %s", async (_wall, filePath, source) => {
    const errors = await wallErrors(filePath, source);
    expect(errors, `${filePath}: ${source}`).toHaveLength(1);
  });

  it.each(allowed)("allows: %s", async (_why, filePath, source) => {
    expect(await wallErrors(filePath, source), `${filePath}: ${source}`).toEqual([]);
  });
});
