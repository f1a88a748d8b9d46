/** me.cancelEmailChange — the pending change of e-mail is dropped; its link stops working. */
import { z } from "zod";
import { protectedProcedure } from "@/server/api/trpc";
import { cancelEmailChanges } from "@/server/auth/email-verification";

export const cancelEmailChange = protectedProcedure
  .output(z.object({ cancelled: z.number().int() }))
  .mutation(async ({ ctx }) => {
    const cancelled = await cancelEmailChanges(ctx.db, ctx.session.userId);
    ctx.log.info({ event: "email_change_cancelled", userId: ctx.session.userId, cancelled }, "e-mail change cancelled");
    return { cancelled };
  });
