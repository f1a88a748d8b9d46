/** Output shapes shared across routers: accounts, departments, operators (vendor data leaves only through these). */
import { sql } from "drizzle-orm";
import { z } from "zod";
import { ONBOARDING_STEPS } from "@/lib/onboarding/steps";
import { trialDaysLeft } from "@/server/provisioning";
import { operators, type Department, type Operator, type VendorAccount } from "@/server/db/schema";

export const ZProvisioningState = z.enum(["pending", "synced", "failed", "uncertain"]);

export const ZErrorFacts = z
  .object({
    at: z.string(),
    kind: z.string(),
    status: z.number().optional(),
    reason: z.string().optional(),
    method: z.string().optional(),
    path: z.string().optional(),
  })
  .nullable();

export const ZAccountOutput = z.object({
  state: ZProvisioningState,
  vendorAccountId: z.string().nullable(),
  name: z.string(),
  sessionName: z.string().nullable(),
  attempts: z.number(),
  lastError: ZErrorFacts,
  createdAt: z.date(),
  updatedAt: z.date(),
  trialDaysLeft: z.number(),
});
export type TAccountOutput = z.infer<typeof ZAccountOutput>;

export function accountOutput(row: VendorAccount): TAccountOutput {
  return {
    state: row.state,
    vendorAccountId: row.vendorAccountId,
    name: row.name,
    sessionName: row.sessionName,
    attempts: row.attempts,
    lastError: row.lastError ?? null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    trialDaysLeft: trialDaysLeft(row.createdAt),
  };
}

export const ZOnboardingStateOutput = z.object({
  currentStep: z.enum(ONBOARDING_STEPS),
  completedSteps: z.array(z.enum(ONBOARDING_STEPS)),
  data: z.object({
    companyName: z.string().optional(),
    sessionName: z.string().optional(),
    planChoice: z.enum(["trial", "subscription"]).optional(),
    seats: z.number().optional(),
    whatsappSkipped: z.boolean().optional(),
    whatsappReported: z.object({ at: z.string(), userId: z.string(), name: z.string() }).optional(),
  }),
  completedAt: z.date().nullable(),
});

export const ZDepartmentOutput = z.object({
  id: z.string(),
  name: z.string(),
  active: z.boolean(),
  isDefault: z.boolean(),
  state: ZProvisioningState,
  version: z.number(),
  lastError: ZErrorFacts,
});

export function departmentOutput(d: Department): z.infer<typeof ZDepartmentOutput> {
  return {
    id: d.id,
    name: d.name,
    active: d.active,
    isDefault: d.isDefault,
    state: d.state,
    version: d.version,
    lastError: d.lastError ?? null,
  };
}

/** An operator as the browser sees it: never the token or its ciphertext. */
export const ZOperatorOutput = z.object({
  id: z.string(),
  name: z.string(),
  active: z.boolean(),
  isAdmin: z.boolean(),
  departmentIds: z.array(z.string()),
  login: z.string().nullable(),
  email: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  roleCode: z.string().nullable(),
  onlyAssignedConversations: z.boolean().nullable(),
  userId: z.string().nullable(),
  state: ZProvisioningState,
  version: z.number(),
  lastError: ZErrorFacts,
  hasAccessToken: z.boolean(),
});

/**
 * ZOperatorOutput's fields as columns, for lists: each row is already the output, and the
 * access token's ciphertext never leaves the database (only whether there is one).
 */
export const operatorOutputColumns = {
  id: operators.id,
  name: operators.name,
  active: operators.active,
  isAdmin: operators.isAdmin,
  departmentIds: operators.departmentIds,
  login: operators.login,
  email: operators.email,
  firstName: operators.firstName,
  lastName: operators.lastName,
  roleCode: operators.roleCode,
  onlyAssignedConversations: operators.onlyAssignedConversations,
  userId: operators.userId,
  state: operators.state,
  version: operators.version,
  lastError: operators.lastError,
  hasAccessToken: sql<boolean>`(${operators.accessTokenCiphertext} is not null)`,
};

export function operatorOutput(o: Operator): z.infer<typeof ZOperatorOutput> {
  return {
    id: o.id,
    name: o.name,
    active: o.active,
    isAdmin: o.isAdmin,
    departmentIds: o.departmentIds,
    login: o.login,
    email: o.email,
    firstName: o.firstName,
    lastName: o.lastName,
    roleCode: o.roleCode,
    onlyAssignedConversations: o.onlyAssignedConversations,
    userId: o.userId,
    state: o.state,
    version: o.version,
    lastError: o.lastError ?? null,
    hasAccessToken: o.accessTokenCiphertext !== null,
  };
}
