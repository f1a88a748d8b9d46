/** Public entry of the CDP gateway emulator (tests, dev scripts). Never imported by app/ or server/. */
export { UPSERT_ROUTE, startCdpEmulator } from "./server";
export type { CdpEmulator, CdpEmulatorOptions, CdpSpaceInput } from "./server";
export type { FaultInput, FaultKind } from "../shared/faults";
export { DEFAULT_CDP_EMULATOR_PORT, DEFAULT_CDP_ITEM_UUID, DEFAULT_CDP_PROJECT_UUID, DEV_CDP_TOKEN } from "./config";
