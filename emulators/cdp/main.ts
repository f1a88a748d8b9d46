/**
 * CLI of the CDP gateway emulator (`npm run emulator:cdp`).
 * CDP_EMULATOR_PORT (default 4020; 0 = any), CDP_TOKEN (default "dev-cdp-token"),
 * CDP_AUTH_HEADER (default Bearer), CDP_PROJECT_UUID / CDP_ITEM_UUID (the known space; documented
 * defaults in ./config), CDP_EMULATOR_STATE (default ${DATA_DIR:-.data}/emulator/cdp.json),
 * CDP_EMULATOR_ROLE_CODES (comma-separated: the only role codes accepted; default any non-empty one).
 * Prints one line `CDP_EMULATOR_READY <origin>` when listening.
 */
import path from "node:path";
import { parseAuthHeader } from "../../server/providers/cdp/contract";
import { parseRoleCodes } from "../../lib/validation/role-codes";
import { DEFAULT_CDP_EMULATOR_PORT, DEFAULT_CDP_ITEM_UUID, DEFAULT_CDP_PROJECT_UUID, DEV_CDP_TOKEN } from "./config";
import { startCdpEmulator } from "./server";

const portEnv = process.env.CDP_EMULATOR_PORT;
const port = portEnv === undefined || portEnv === "" ? DEFAULT_CDP_EMULATOR_PORT : Number(portEnv);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`CDP_EMULATOR_PORT must be a port number, got "${portEnv}"`);
  process.exit(1);
}
const stateFile = process.env.CDP_EMULATOR_STATE || path.join(process.env.DATA_DIR || ".data", "emulator", "cdp.json");
const projectUuid = process.env.CDP_PROJECT_UUID || DEFAULT_CDP_PROJECT_UUID;
const itemUuid = process.env.CDP_ITEM_UUID || DEFAULT_CDP_ITEM_UUID;
const roleSpec = process.env.CDP_EMULATOR_ROLE_CODES;
let roleCodes: string[] | undefined;
try {
  roleCodes = roleSpec?.trim() ? parseRoleCodes(roleSpec, "CDP_EMULATOR_ROLE_CODES") : undefined;
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const emulator = await startCdpEmulator({
  port,
  host: "127.0.0.1",
  token: process.env.CDP_TOKEN || DEV_CDP_TOKEN,
  authHeader: parseAuthHeader(process.env.CDP_AUTH_HEADER),
  projects: [{ projectUuid, itemUuid }],
  stateFile,
  ...(roleCodes ? { roleCodes } : {}),
});
console.log(`CDP_EMULATOR_READY ${emulator.origin}`);
console.log(
  `CDP emulator: API ${emulator.baseUrl}/v1 · project ${projectUuid} · item ${itemUuid} · control ${emulator.origin}/__emulator/state · roles ${roleCodes?.join(",") ?? "any"} · state ${stateFile}`,
);

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    void emulator.close().then(() => process.exit(0));
  });
}
