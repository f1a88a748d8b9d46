/**
 * dashboard.refreshWhatsApp — asks the chat provider whether the account has a WhatsApp
 * instance when the stored answer is older than a few minutes, stores it, and returns the
 * last known answer with its time. The dashboard calls it once it is interactive, so no
 * page load waits for the vendor. A mutation: it writes (queries never do).
 */
import { z } from "zod";
import { orgProcedure } from "@/server/api/trpc";
import { refreshWhatsAppStatus } from "@/server/provisioning";

export const ZRefreshWhatsAppOutput = z.object({ available: z.boolean().nullable(), checkedAt: z.date().nullable() });

export const refreshWhatsApp = orgProcedure
  .output(ZRefreshWhatsAppOutput)
  .mutation(({ ctx }) => refreshWhatsAppStatus(ctx.db, ctx.provider, ctx.org.id));
