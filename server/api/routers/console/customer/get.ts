/**
 * console.customer.get — one customer as platform staff see it (Cliente): the company, its plan
 * and chat account, its people, its operators and departments with their vendor ids and states,
 * the latest audit entries (the timeline), the suspension history and support access. Never an
 * accessToken or a password: only whether an operator has a token. Also the last "Sincronizar"
 * comparison the customer ran, by name (the provider is not called here).
 */
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { ZCustomerRef } from "@/lib/validation/console";
import { staffProcedure } from "@/server/api/trpc";
import {
  auditLog,
  departments,
  memberships,
  onboardingStates,
  operators,
  organizations,
  users,
} from "@/server/db/schema";
import { appError } from "@/server/errors";
import { getVendorAccount, trialDaysLeft } from "@/server/provisioning";
import { lastComparison } from "@/server/provisioning/sync-history";
import { activeSupportGrant } from "@/server/team/support-access";

const TIMELINE_SIZE = 50;
const STATE = z.enum(["pending", "synced", "failed", "uncertain"]);
const ERROR_KIND = z.string().nullable();

/** An operator or a department as the console shows it: its vendor id and provisioning state. */
const ZProvisioned = z.object({
  id: z.string(),
  name: z.string(),
  vendorId: z.string().nullable(),
  state: STATE,
  active: z.boolean(),
  errorKind: ERROR_KIND,
});

const ZSyncGroupSummary = z.object({
  onlyVendor: z.array(z.string()),
  onlyLocal: z.array(z.string()),
  different: z.array(z.string()),
  checking: z.array(z.string()),
  inSync: z.number(),
});

const ZAuditItem = z.object({
  id: z.string(),
  createdAt: z.date(),
  action: z.string(),
  targetType: z.string(),
  result: z.enum(["success", "failure", "uncertain"]),
  actorKind: z.enum(["user", "staff", "system", "deleted"]),
  actorName: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});

export const ZCustomerOutput = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.date(),
  suspendedAt: z.date().nullable(),
  onboarding: z.object({ currentStep: z.string().nullable(), completedAt: z.date().nullable() }),
  plan: z.object({
    choice: z.enum(["trial", "subscription"]).nullable(),
    seats: z.number().nullable(),
    trialDaysLeft: z.number().nullable(),
  }),
  account: z.object({ vendorAccountId: z.string().nullable(), state: STATE, errorKind: ERROR_KIND }).nullable(),
  members: z.array(z.object({ name: z.string(), email: z.string(), role: z.enum(["owner", "admin", "member"]) })),
  operators: z.array(
    ZProvisioned.extend({ activeBeforeSuspension: z.boolean().nullable(), hasAccessToken: z.boolean() }),
  ),
  departments: z.array(ZProvisioned),
  timeline: z.array(ZAuditItem),
  suspensions: z.array(ZAuditItem),
  supportAccessUntil: z.date().nullable(),
  lastSyncComparison: z
    .object({
      comparedAt: z.date(),
      comparedBy: z.string().nullable(),
      summary: z.object({
        supported: z.object({ operators: z.boolean(), departments: z.boolean() }),
        operators: ZSyncGroupSummary,
        departments: ZSyncGroupSummary,
      }),
    })
    .nullable(),
});
export type TCustomerOutput = z.infer<typeof ZCustomerOutput>;

const auditColumns = {
  id: auditLog.id,
  createdAt: auditLog.createdAt,
  action: auditLog.action,
  targetType: auditLog.targetType,
  result: auditLog.result,
  actorKind: auditLog.actorKind,
  actorUserId: auditLog.actorUserId,
  actorName: users.name,
  details: auditLog.details,
};

type AuditRow = { actorKind: "user" | "staff" | "system"; actorUserId: string | null; actorName: string | null };
/** The same reading of the actor as audit.list: a person whose account is gone is "deleted". */
const withActor = <T extends AuditRow>({ actorUserId, ...row }: T) => ({
  ...row,
  actorKind: row.actorKind !== "system" && actorUserId === null ? ("deleted" as const) : row.actorKind,
});

export const get = staffProcedure
  .input(ZCustomerRef)
  .output(ZCustomerOutput)
  .query(async ({ ctx, input }) => {
    const id = input.organizationId;
    const [org] = await ctx.db.select().from(organizations).where(eq(organizations.id, id));
    if (!org) throw appError("NOT_FOUND");
    const [onboarding, account, people, ops, depts, timeline, suspensions, grant, comparison] = await Promise.all([
      ctx.db
        .select()
        .from(onboardingStates)
        .where(eq(onboardingStates.organizationId, id))
        .then((r) => r[0] ?? null),
      getVendorAccount(ctx.db, id),
      ctx.db
        .select({ name: users.name, email: users.email, role: memberships.role })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.organizationId, id))
        .orderBy(asc(memberships.createdAt)),
      ctx.db.select().from(operators).where(eq(operators.organizationId, id)).orderBy(asc(operators.createdAt)),
      ctx.db
        .select()
        .from(departments)
        .where(and(eq(departments.organizationId, id), isNull(departments.deletedAt)))
        .orderBy(asc(departments.createdAt)),
      ctx.db
        .select(auditColumns)
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorUserId))
        .where(eq(auditLog.organizationId, id))
        .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
        .limit(TIMELINE_SIZE),
      ctx.db
        .select(auditColumns)
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorUserId))
        .where(and(eq(auditLog.organizationId, id), inArray(auditLog.action, ["staff.suspend", "staff.reactivate"])))
        .orderBy(desc(auditLog.createdAt), desc(auditLog.id)),
      activeSupportGrant(ctx.db, id),
      lastComparison(ctx.db, id),
    ]);
    const choice = onboarding?.data.planChoice ?? null;
    return {
      id: org.id,
      name: org.name,
      createdAt: org.createdAt,
      suspendedAt: org.suspendedAt,
      onboarding: { currentStep: onboarding?.currentStep ?? null, completedAt: onboarding?.completedAt ?? null },
      plan: {
        choice,
        seats: onboarding?.data.seats ?? null,
        trialDaysLeft: choice === "trial" && account?.createdAt ? trialDaysLeft(account.createdAt) : null,
      },
      account: account
        ? { vendorAccountId: account.vendorAccountId, state: account.state, errorKind: account.lastError?.kind ?? null }
        : null,
      members: people,
      operators: ops.map((o) => ({
        id: o.id,
        name: o.name,
        vendorId: o.vendorId,
        state: o.state,
        active: o.active,
        activeBeforeSuspension: o.activeBeforeSuspension,
        hasAccessToken: o.accessTokenCiphertext !== null,
        errorKind: o.lastError?.kind ?? null,
      })),
      departments: depts.map((d) => ({
        id: d.id,
        name: d.name,
        vendorId: d.vendorId,
        state: d.state,
        active: d.active,
        errorKind: d.lastError?.kind ?? null,
      })),
      timeline: timeline.map(withActor),
      suspensions: suspensions.map(withActor),
      supportAccessUntil: grant?.expiresAt ?? null,
      lastSyncComparison: comparison,
    };
  });
