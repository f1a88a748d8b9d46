/** sessions.list — the caller's live sessions (browser, system, address, times), most recently used first. */
import { z } from "zod";
import { protectedProcedure } from "@/server/api/trpc";
import { listUserSessions } from "@/server/auth/user-sessions";

export const ZSessionView = z.object({
  id: z.string(),
  browser: z.string().nullable(),
  system: z.string().nullable(),
  ip: z.string().nullable(),
  createdAt: z.date(),
  lastSeenAt: z.date(),
  current: z.boolean(),
});
export const ZSessionsListOutput = z.array(ZSessionView);
export type TSessionView = z.infer<typeof ZSessionView>;

export const list = protectedProcedure
  .output(ZSessionsListOutput)
  .query(({ ctx }) => listUserSessions(ctx.db, ctx.session.userId, ctx.session.sessionId));
