/** me.signOutEverywhere — ends every session of the user (this one included) at their next request. */
import { protectedProcedure } from "@/server/api/trpc";
import { revokeAllSessions } from "@/server/auth/session";

export const signOutEverywhere = protectedProcedure.mutation(async ({ ctx }) => {
  await revokeAllSessions(ctx.db, ctx.session.userId);
  ctx.log.info({ event: "sign_out_everywhere", userId: ctx.session.userId }, "all sessions revoked");
  return { ok: true as const };
});
