/**
 * supportAccess.list — the organization's support grants (the live one and the recent ones), for
 * Minha conta: every member sees whether platform staff can look at the company's pages.
 */
import { z } from "zod";
import { orgProcedure } from "@/server/api/trpc";
import { listSupportGrants } from "@/server/team/support-access";

export const ZSupportGrantsOutput = z.array(
  z.object({
    id: z.string(),
    createdAt: z.date(),
    expiresAt: z.date(),
    revokedAt: z.date().nullable(),
    grantedByName: z.string().nullable(),
    active: z.boolean(),
  }),
);

export const list = orgProcedure
  .output(ZSupportGrantsOutput)
  .query(async ({ ctx }) => listSupportGrants(ctx.db, ctx.org.id));
