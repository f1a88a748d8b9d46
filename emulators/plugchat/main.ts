/**
 * CLI of the PlugChat emulator (`npm run emulator`).
 * PLUGCHAT_EMULATOR_PORT (default 4010; 0 = any), PLUGCHAT_TOKEN (default "dev-integrator-token"),
 * PLUGCHAT_EMULATOR_STATE (default ${DATA_DIR:-.data}/emulator/plugchat.json),
 * EMULATOR_ATTENDANCES_PER_MINUTE (default 0; `npm run dev` sets 3): random attendances fired at
 * the accounts' webhook URLs.
 * Prints one line `PLUGCHAT_EMULATOR_READY <origin>` when listening (the bench parses it).
 */
import path from "node:path";
import { DEFAULT_EMULATOR_PORT, DEV_PLUGCHAT_TOKEN } from "./config";
import { startPlugchatEmulator } from "./server";
import { startAttendanceTrickle } from "./trickle";

const portEnv = process.env.PLUGCHAT_EMULATOR_PORT;
const port = portEnv === undefined || portEnv === "" ? DEFAULT_EMULATOR_PORT : Number(portEnv);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PLUGCHAT_EMULATOR_PORT must be a port number, got "${portEnv}"`);
  process.exit(1);
}
const stateFile =
  process.env.PLUGCHAT_EMULATOR_STATE || path.join(process.env.DATA_DIR || ".data", "emulator", "plugchat.json");

const emulator = await startPlugchatEmulator({
  port,
  host: "127.0.0.1",
  token: process.env.PLUGCHAT_TOKEN || DEV_PLUGCHAT_TOKEN,
  stateFile,
});
const perMinute = Number(process.env.EMULATOR_ATTENDANCES_PER_MINUTE ?? 0);
if (!Number.isFinite(perMinute) || perMinute < 0 || perMinute > 600) {
  console.error(
    `EMULATOR_ATTENDANCES_PER_MINUTE must be a number from 0 to 600, got "${process.env.EMULATOR_ATTENDANCES_PER_MINUTE}"`,
  );
  process.exit(1);
}
const stopTrickle = startAttendanceTrickle(emulator, perMinute);
console.log(`PLUGCHAT_EMULATOR_READY ${emulator.origin}`);
console.log(
  `PlugChat emulator: API ${emulator.baseUrl} · control ${emulator.origin}/__emulator/state · SDK ${emulator.origin}/sdk/index.js · state ${stateFile}`,
);

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    stopTrickle();
    void emulator.close().then(() => process.exit(0));
  });
}
