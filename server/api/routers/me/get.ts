/** me.get — who is signed in, and for which organization, with which role. */
import { z } from "zod";
import { orgProcedure } from "@/server/api/trpc";

export const ZMeOutput = z.object({
  user: z.object({ id: z.string(), name: z.string(), email: z.string(), emailVerified: z.boolean() }),
  organization: z.object({ id: z.string(), name: z.string() }),
  role: z.enum(["owner", "admin", "member"]),
});

export const get = orgProcedure.output(ZMeOutput).query(({ ctx }) => ({
  user: {
    id: ctx.session.userId,
    name: ctx.session.name,
    email: ctx.session.email,
    emailVerified: ctx.session.emailVerified,
  },
  organization: { id: ctx.org.id, name: ctx.org.name },
  role: ctx.membership.role,
}));
