/**
 * CDP emulator defaults shared by the CLI, dev script and tests. The token duplicates the
 * documented development default (server/config/env.ts `DEV_CDP_TOKEN`) so the emulator never
 * loads the app's env validation.
 */
export const DEV_CDP_TOKEN = "dev-cdp-token";
export const DEFAULT_CDP_EMULATOR_PORT = 4020;
/** The project and live-chat item the emulator knows out of the box (CDP_PROJECT_UUID / CDP_ITEM_UUID). */
export const DEFAULT_CDP_PROJECT_UUID = "5f0c2a8e-3b1d-4c6a-9e2f-7a1b3c4d5e60";
export const DEFAULT_CDP_ITEM_UUID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
/** Longest first/last name the emulator accepts. */
export const MAX_NAME_LENGTH = 100;
export const MAX_EMAIL_LENGTH = 254;
