/** How a provider failure is recorded and classified by the provisioning layer. */
import { isProviderError } from "@/server/providers/errors";
import type { ProvisioningErrorInfo } from "@/server/db/schema";

/** The actor of a provisioning action: which organization, which portal user (null: system). */
export interface ProvisioningScope {
  organizationId: string;
  actorUserId: string | null;
}

/** Facts kept in `lastError` (no bodies, no secrets). */
export function errorInfo(error: unknown): ProvisioningErrorInfo {
  const at = new Date().toISOString();
  if (!isProviderError(error)) return { at, kind: "internal" };
  const d = error.details;
  return {
    at,
    kind: error.kind,
    ...(d.status === undefined ? {} : { status: d.status }),
    ...(d.reason ? { reason: d.reason.slice(0, 300) } : {}),
    method: d.method,
    path: d.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27,}/gi, ":id"),
  };
}

/**
 * Whether a failed CREATE may have happened at the vendor: a timeout / lost connection
 * after sending, or a 5xx (the vendor may have applied it before failing). Connection
 * refused and 429 are certainly not applied.
 */
export function isUncertainCreate(error: unknown): boolean {
  if (!isProviderError(error)) return true;
  return error.kind === "ambiguous" || (error.kind === "unavailable" && (error.status ?? 0) >= 500);
}
