/** Public entry of the PlugChat emulator (tests, bench, dev scripts). Never imported by app/ or server/. */
export { startPlugchatEmulator } from "./server";
export type { EmulatorOptions, PlugchatEmulator } from "./server";
export type { FaultInput, FaultKind } from "./faults";
export { BASE_PATH, DEV_PLUGCHAT_TOKEN, DEFAULT_EMULATOR_PORT } from "./config";
