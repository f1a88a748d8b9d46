/** invitations.list — invitations not yet accepted or cancelled, including expired ones (admins). */
import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { adminProcedure } from "@/server/api/trpc";
import { invitations as invitationsTable } from "@/server/db/schema";
import { invitationStatus } from "@/server/team/invitations";

export const ZInvitationsOutput = z.array(
  z.object({
    id: z.string(),
    email: z.string(),
    role: z.enum(["owner", "admin", "member"]),
    expiresAt: z.date(),
    createdAt: z.date(),
    expired: z.boolean(),
  }),
);

export const list = adminProcedure.output(ZInvitationsOutput).query(async ({ ctx }) => {
  const rows = await ctx.db
    .select()
    .from(invitationsTable)
    .where(
      and(
        eq(invitationsTable.organizationId, ctx.org.id),
        isNull(invitationsTable.acceptedAt),
        isNull(invitationsTable.revokedAt),
      ),
    )
    .orderBy(desc(invitationsTable.createdAt))
    .limit(200);
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role,
    expiresAt: r.expiresAt,
    createdAt: r.createdAt,
    expired: invitationStatus(r) === "expired",
  }));
});
