/**
 * sessions.end — ends one of the caller's sessions; its cookie is refused at its next request.
 * Someone else's session, an unknown id and an already-ended one all answer SESSION_NOT_FOUND.
 * Ending the current session is allowed (the page offers "Sair" for it instead).
 */
import { z } from "zod";
import { appError } from "@/server/errors";
import { protectedProcedure } from "@/server/api/trpc";
import { endUserSession } from "@/server/auth/user-sessions";

export const ZEndSessionInput = z.strictObject({ id: z.uuid() });
export type TEndSessionInput = z.infer<typeof ZEndSessionInput>;

export const end = protectedProcedure
  .input(ZEndSessionInput)
  .output(z.object({ current: z.boolean() }))
  .mutation(async ({ ctx, input }) => {
    const { userId, sessionId } = ctx.session;
    if (!(await endUserSession(ctx.db, userId, input.id))) throw appError("SESSION_NOT_FOUND");
    ctx.log.info({ event: "session_ended", userId, endedSessionId: input.id }, "session ended by its user");
    return { current: input.id === sessionId };
  });
