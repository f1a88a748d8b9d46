/**
 * The role-code rule of the operator procedures: on a backend with `operatorRoles`, a role must
 * be one of the deployment's codes (CDP_ROLE_CODES); anything else is refused on the field.
 */
import { DEFAULT_ROLE_CODES } from "@/lib/validation/role-codes";
import { appError } from "@/server/errors";
import type { ChatProvider } from "@/server/providers/types";

/** The provider's role codes (the defaults when it names none). */
export function roleCodesOf(provider: ChatProvider): readonly string[] {
  return provider.roleCodes ?? DEFAULT_ROLE_CODES;
}

/** Throws VALIDATION on `roleCode` ("validation.unknownRole") for a code outside the provider's list. */
export function assertKnownRole(provider: ChatProvider, roleCode: string | undefined): void {
  if (roleCode === undefined || !provider.capabilities.operatorRoles) return;
  if (!roleCodesOf(provider).includes(roleCode))
    throw appError("VALIDATION", { field: "roleCode", fieldErrors: { roleCode: ["validation.unknownRole"] } });
}
