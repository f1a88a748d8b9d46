/**
 * Where the app gets its chat provider: `getChatProvider()` builds one process-wide instance
 * from configuration (`CHAT_PROVIDER=plugchat|cdp`); `createChatProvider(config)` builds a
 * fresh one (tests, scripts). Callers read `capabilities`, never the provider's name.
 */
import "server-only";
import { parseRoleCodes } from "@/lib/validation/role-codes";
import { env, isProduction } from "../config/env";
import { getSecrets } from "../config/secrets";
import { parseAuthHeader } from "./cdp/contract";
import { createCdpProvider } from "./cdp/provider";
import { withCircuitBreaker } from "./circuit-breaker";
import type { CdpProviderConfig, CdpSpace } from "./cdp/provider";
import type { PlugchatClientConfig } from "./plugchat/client";
import { createPlugchatProvider } from "./plugchat/provider";
import type { ChatProvider } from "./types";

/** The local emulator (`npm run emulator`); used only outside production. */
export const DEV_PLUGCHAT_BASE_URL = "http://127.0.0.1:4010/integrator";
/** The local CDP emulator (`npm run emulator:cdp`); used only outside production. */
export const DEV_CDP_BASE_URL = "http://127.0.0.1:4020";

/** PlugChat's client config (the default, `provider` may be omitted) or the CDP provider's. */
export type ChatProviderConfig =
  (PlugchatClientConfig & { provider?: "plugchat" }) | (CdpProviderConfig & { provider: "cdp" });

export function createChatProvider(config: ChatProviderConfig): ChatProvider {
  if (config.provider === "cdp") {
    const { provider: _provider, ...cdp } = config;
    void _provider;
    return createCdpProvider(cdp);
  }
  return createPlugchatProvider(config);
}

function timeoutFrom(name: string, fallback: number): number {
  const fromEnv = Number(process.env[name]);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : fallback;
}

/** The CDP integrator-level default space, when both CDP_PROJECT_UUID and CDP_ITEM_UUID are set. */
export function cdpDefaultSpaceFromEnv(): CdpSpace | null {
  const projectUuid = process.env.CDP_PROJECT_UUID || env.CDP_PROJECT_UUID;
  const itemUuid = process.env.CDP_ITEM_UUID || env.CDP_ITEM_UUID;
  return projectUuid && itemUuid ? { projectUuid, itemUuid } : null;
}

/** Reads the selected provider's base URL, token and timeout; throws when production lacks them. */
export function chatProviderConfigFromEnv(): ChatProviderConfig {
  const provider = process.env.CHAT_PROVIDER || env.CHAT_PROVIDER;
  if (provider === "cdp") {
    const baseUrl = process.env.CDP_BASE_URL || env.CDP_BASE_URL || (isProduction ? undefined : DEV_CDP_BASE_URL);
    if (!baseUrl) throw new Error("Missing configuration: CDP_BASE_URL");
    const token = getSecrets().cdpToken;
    if (!token) throw new Error("Missing configuration: CDP_TOKEN");
    return {
      provider: "cdp",
      baseUrl,
      token,
      authHeader: parseAuthHeader(process.env.CDP_AUTH_HEADER || env.CDP_AUTH_HEADER),
      timeoutMs: timeoutFrom("CDP_TIMEOUT_MS", env.CDP_TIMEOUT_MS),
      defaultSpace: cdpDefaultSpaceFromEnv(),
      roleCodes: parseRoleCodes(process.env.CDP_ROLE_CODES || env.CDP_ROLE_CODES),
    };
  }
  if (provider !== "plugchat") throw new Error(`CHAT_PROVIDER must be plugchat or cdp, got "${provider}"`);
  const baseUrl =
    process.env.PLUGCHAT_BASE_URL || env.PLUGCHAT_BASE_URL || (isProduction ? undefined : DEV_PLUGCHAT_BASE_URL);
  if (!baseUrl) throw new Error("Missing configuration: PLUGCHAT_BASE_URL");
  const token = getSecrets().plugchatToken;
  if (!token) throw new Error("Missing configuration: PLUGCHAT_TOKEN");
  return { baseUrl, token, timeoutMs: timeoutFrom("PLUGCHAT_TIMEOUT_MS", env.PLUGCHAT_TIMEOUT_MS) };
}

let instance: ChatProvider | undefined;

/**
 * The process-wide provider selected by CHAT_PROVIDER (plugchat by default), behind a circuit
 * breaker: during a vendor outage users get a fast VENDOR_UNAVAILABLE instead of timeouts.
 */
export function getChatProvider(): ChatProvider {
  instance ??= withCircuitBreaker(createChatProvider(chatProviderConfigFromEnv()));
  return instance;
}
