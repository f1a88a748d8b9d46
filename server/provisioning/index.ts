/**
 * Provisioning at the chat provider, vendor-neutral (providers only through ChatProvider).
 * Every function takes `(db, provider, {organizationId, actorUserId}, input)`, writes the
 * local row before the vendor call, never holds a transaction across it, and audits.
 */
export {
  attachAccount,
  connectSpace,
  expireStalePendingAccount,
  getVendorAccount,
  provisionAccount,
  requireSyncedAccount,
  trialDaysLeft,
  sha256Hex,
} from "./accounts";
export type { AccountInput, ProvisionOptions, SpaceInput, SpaceVerifier } from "./accounts";
export {
  createDepartment,
  getDepartment,
  listDepartments,
  removeDepartment,
  syncDepartmentsFromVendor,
  updateDepartment,
} from "./departments";
export { assertAssignableDepartments, createOperator, getOperator, listOperators, updateOperator } from "./operators";
export type { CreateOperatorInput, UpdateOperatorInput } from "./operators";
export { audit } from "./audit";
export { cancelSubscription, getSubscription, subscribe, trialEndsAt } from "./subscription";
export { getUra, saveUra } from "./ura";
export {
  refreshWhatsAppStatus,
  requestWhatsAppCode,
  whatsAppStatusOf,
  WHATSAPP_CHECK_EVERY_MS,
} from "./whatsapp-status";
export type { WhatsAppCodeResult, WhatsAppStatus } from "./whatsapp-status";
export { errorInfo, isUncertainCreate } from "./errors";
export type { ProvisioningScope } from "./errors";
export {
  listNeedsAttention,
  reconcileAll,
  reconcileOrganization,
  reliabilityStatus,
  runOutcome,
  INSTANCE_ID,
} from "./reconciler";
export type { NeedsAttentionItem, ReconcileOptions, ReconcileReport, ReliabilityStatus } from "./reconciler";
export { reactivateOrganization, suspendOrganization } from "./suspend";
export type { SuspensionInput } from "./suspend";
