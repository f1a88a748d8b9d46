/**
 * What the browser may know about the deployment's chat provider: its name, its capabilities
 * and the integrator's default chat space — never a base URL or a credential.
 */
import "server-only";
import { hasSpaceVerification } from "./cdp/provider";
import type { ChatProvider, ChatProviderCapabilities } from "./types";

export interface ProviderInfo {
  name: ChatProvider["name"];
  capabilities: ChatProviderCapabilities;
  /** A project + live-chat item configured by the integrator (CDP_PROJECT_UUID / CDP_ITEM_UUID). */
  defaultSpace: { projectUuid: string; itemUuid: string } | null;
  /** With `operatorRoles`: the role codes the forms offer (CDP_ROLE_CODES); otherwise empty. */
  roleCodes: string[];
}

export function providerInfo(provider: ChatProvider): ProviderInfo {
  const space = hasSpaceVerification(provider) ? provider.defaultSpace : null;
  return {
    name: provider.name,
    capabilities: { ...provider.capabilities },
    defaultSpace: space ? { projectUuid: space.projectUuid, itemUuid: space.itemUuid } : null,
    roleCodes: provider.capabilities.operatorRoles ? [...(provider.roleCodes ?? [])] : [],
  };
}

/** The process-wide provider's info for Server Components (layouts); null when it is not configured. */
export async function currentProviderInfo(): Promise<ProviderInfo | null> {
  const { getChatProvider } = await import("./index");
  try {
    return providerInfo(getChatProvider());
  } catch {
    return null;
  }
}
