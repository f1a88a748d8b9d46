/** sessions.endOthers — ends every session of the caller except this one. */
import { z } from "zod";
import { protectedProcedure } from "@/server/api/trpc";
import { endOtherUserSessions } from "@/server/auth/user-sessions";

export const endOthers = protectedProcedure.output(z.object({ ended: z.number().int() })).mutation(async ({ ctx }) => {
  const { userId, sessionId } = ctx.session;
  const ended = await endOtherUserSessions(ctx.db, userId, sessionId);
  ctx.log.info({ event: "other_sessions_ended", userId, ended }, "other sessions ended by their user");
  return { ended };
});
