/** me.get — who is signed in, and for which organization, with which role (and whether they may change it). */
import { z } from "zod";
import { mayChangeOrganization } from "@/lib/roles";
import { orgProcedure } from "@/server/api/trpc";

export const ZMeOutput = z.object({
  user: z.object({ id: z.string(), name: z.string(), email: z.string(), emailVerified: z.boolean() }),
  organization: z.object({ id: z.string(), name: z.string() }),
  role: z.enum(["owner", "admin", "member"]),
  /** May change the organization: owners and admins, not platform staff under support access. */
  canManage: z.boolean(),
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
  canManage: mayChangeOrganization(ctx),
}));
