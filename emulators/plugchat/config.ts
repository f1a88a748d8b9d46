/**
 * Emulator defaults shared by the CLI, the bench and tests. Duplicates the documented
 * development token literal (server/config/env.ts `DEV_PLUGCHAT_TOKEN`) so the emulator
 * never loads the app's env validation.
 */
export const DEV_PLUGCHAT_TOKEN = "dev-integrator-token";
export const DEFAULT_EMULATOR_PORT = 4010;
/** The vendor's base path. */
export const BASE_PATH = "/integrator";
/** Every new account gets a trial of this length. */
export const TRIAL_MS = 7 * 24 * 60 * 60 * 1000;
/** Lifetime of an extension-token (WhatsApp connection code). */
export const EXTENSION_TOKEN_TTL_MS = 60_000;
/** Lifetime of operator accessTokens. */
export const ACCESS_TOKEN_TTL_S = 365 * 24 * 60 * 60;
/** Largest request body accepted (shared by the emulators). */
export { MAX_BODY_BYTES } from "../shared/http";
