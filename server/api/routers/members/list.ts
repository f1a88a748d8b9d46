/** members.list — the organization's portal users with their role and linked operator (any member may read). */
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { mayChangeOrganization } from "@/lib/roles";
import { orgProcedure } from "@/server/api/trpc";
import { memberships, operators, users } from "@/server/db/schema";

export const ZRole = z.enum(["owner", "admin", "member"]);

export const ZMembersOutput = z.object({
  myRole: ZRole,
  /** Owners and admins may change the team; members, and platform staff under support access, only read. */
  canManage: z.boolean(),
  myMembershipId: z.string(),
  members: z.array(
    z.object({
      membershipId: z.string(),
      userId: z.string(),
      name: z.string(),
      email: z.string(),
      role: ZRole,
      joinedAt: z.date(),
      operator: z.object({ id: z.string(), name: z.string(), active: z.boolean() }).nullable(),
    }),
  ),
});

export const list = orgProcedure.output(ZMembersOutput).query(async ({ ctx }) => {
  const rows = await ctx.db
    .select({
      membershipId: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      joinedAt: memberships.createdAt,
      operatorId: operators.id,
      operatorName: operators.name,
      operatorActive: operators.active,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(operators, and(eq(operators.userId, users.id), eq(operators.organizationId, ctx.org.id)))
    .where(eq(memberships.organizationId, ctx.org.id))
    .orderBy(asc(memberships.createdAt))
    .limit(1000);
  return {
    myRole: ctx.membership.role,
    canManage: mayChangeOrganization(ctx),
    myMembershipId: ctx.membership.id,
    members: rows.map((r) => ({
      membershipId: r.membershipId,
      userId: r.userId,
      name: r.name,
      email: r.email,
      role: r.role,
      joinedAt: r.joinedAt,
      operator:
        r.operatorId && r.operatorName !== null
          ? { id: r.operatorId, name: r.operatorName, active: r.operatorActive ?? false }
          : null,
    })),
  };
});
