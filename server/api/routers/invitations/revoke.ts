/** invitations.revoke — cancels an open invitation; its link stops working. */
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { ZId } from "@/lib/validation/team";
import { appError } from "@/server/errors";
import { adminProcedure } from "@/server/api/trpc";
import { audit } from "@/server/audit/writer";
import { invitations } from "@/server/db/schema";

export const ZRevokeInvitationInput = z.strictObject({ id: ZId });

export const revoke = adminProcedure.input(ZRevokeInvitationInput).mutation(async ({ ctx, input }) => {
  const rows = await ctx.db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(invitations.id, input.id),
        eq(invitations.organizationId, ctx.org.id),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning({ id: invitations.id, email: invitations.email, role: invitations.role });
  const [revoked] = rows;
  if (!revoked) throw appError("NOT_FOUND");
  await audit(ctx.db, ctx.scope, {
    action: "invitation.revoke",
    targetType: "invitation",
    targetId: revoked.id,
    result: "success",
    details: { email: revoked.email, role: revoked.role },
  });
  return { ok: true as const };
});
