/**
 * console.customer.retry — "Tentar de novo" for a customer's failed or doubtful items: one
 * reconciler run for the organization now (the provisioning state machine: each row claimed,
 * the vendor's list read before anything is re-sent — no duplicates), audited as staff.retry.
 */
import { eq } from "drizzle-orm";
import { ZStaffActionInput } from "@/lib/validation/console";
import { staffProcedure } from "@/server/api/trpc";
import { auditStaffAction } from "@/server/audit/staff";
import { organizations } from "@/server/db/schema";
import { appError } from "@/server/errors";
import { reconcileOrganization } from "@/server/provisioning";

export const retry = staffProcedure.input(ZStaffActionInput).mutation(async ({ ctx, input }) => {
  const [org] = await ctx.db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, input.organizationId));
  if (!org) throw appError("NOT_FOUND");
  // Doubtful rows are taken at once (no settling time): staff asked for it.
  const report = await reconcileOrganization(ctx.db, ctx.provider, input.organizationId, {
    trigger: "manual",
    settleMs: 0,
  });
  await auditStaffAction(ctx.db, {
    organizationId: input.organizationId,
    staffUserId: ctx.staff.userId,
    action: "staff.retry",
    targetType: "organization",
    targetId: input.organizationId,
    reason: input.reason,
    result: report.ran && !report.error ? "success" : "failure",
    details: { name: org.name },
  });
  if (!report.ran) throw appError("PROVISIONING_IN_PROGRESS");
  return {
    adopted: report.adopted,
    recreated: report.recreated,
    refreshed: report.refreshed,
    failed: report.failed,
    needsAttention: report.needsAttention,
  };
});
