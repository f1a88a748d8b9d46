/**
 * invitations.create — an admin invites someone by e-mail. Returns the link once (only its hash
 * is stored), the same one the e-mail carries; a still-open invitation to the same e-mail is replaced.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { ZInviteInput } from "@/lib/validation/team";
import { appError } from "@/server/errors";
import { adminProcedure } from "@/server/api/trpc";
import { audit } from "@/server/audit/writer";
import { invitations, memberships, users } from "@/server/db/schema";
import { publicOrigin } from "@/server/http/public-origin";
import { newLinkToken } from "@/server/security/link-tokens";
import { deliverInvitationEmail, INVITATION_TTL_MS, invitationPath } from "@/server/team/invitations";

export const ZInviteOutput = z.object({ id: z.string(), path: z.string(), link: z.string(), expiresAt: z.date() });

export const create = adminProcedure
  .input(ZInviteInput)
  .output(ZInviteOutput)
  .mutation(async ({ ctx, input }) => {
    const [existing] = await ctx.db
      .select({ id: memberships.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organizationId, ctx.org.id), eq(sql`lower(${users.email})`, input.email)))
      .limit(1);
    if (existing) throw appError("ALREADY_MEMBER", { field: "email" });

    const { token, tokenHash } = newLinkToken();
    const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
    const row = await ctx.db.transaction(async (tx) => {
      await tx
        .update(invitations)
        .set({ revokedAt: new Date() })
        .where(
          and(
            eq(invitations.organizationId, ctx.org.id),
            eq(invitations.email, input.email),
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
          ),
        );
      const [created] = await tx
        .insert(invitations)
        .values({
          organizationId: ctx.org.id,
          email: input.email,
          role: input.role,
          tokenHash,
          expiresAt,
          invitedBy: ctx.session.userId,
        })
        .returning({ id: invitations.id });
      if (!created) throw new Error("invitation insert returned nothing");
      await audit(tx, ctx.scope, {
        action: "invitation.create",
        targetType: "invitation",
        targetId: created.id,
        result: "success",
        details: { email: input.email, role: input.role },
      });
      return created;
    });
    const path = invitationPath(token);
    const link = `${publicOrigin(ctx.requestOrigin)}${path}`;
    void deliverInvitationEmail(ctx.db, ctx.log, ctx.locale, {
      to: input.email,
      organizationName: ctx.org.name,
      inviterName: ctx.session.name,
      link,
    });
    ctx.log.info(
      { event: "invitation_created", invitationId: row.id, organizationId: ctx.org.id },
      "invitation created",
    );
    return { id: row.id, path, link, expiresAt };
  });
