/** me.deletionStatus — what stands between the person and deleting their account (organizations left without an owner). */
import { z } from "zod";
import { protectedProcedure } from "@/server/api/trpc";
import { deletionBlockers } from "@/server/auth/account-deletion";

export const ZDeletionStatusOutput = z.object({
  blockers: z.array(z.object({ organizationName: z.string(), reason: z.enum(["transfer", "alone"]) })),
});

export const deletionStatus = protectedProcedure.output(ZDeletionStatusOutput).query(async ({ ctx }) => ({
  blockers: await deletionBlockers(ctx.db, ctx.session.userId),
}));
