/**
 * whatsapp.status — what the portal knows about the organization's WhatsApp, without asking
 * the chat provider: the last stored answer about the instance (with its time) and who said
 * they connected, and when.
 */
import { z } from "zod";
import { mayChangeOrganization } from "@/lib/roles";
import { orgProcedure } from "@/server/api/trpc";
import { getOnboarding } from "@/server/onboarding/state";
import { getVendorAccount, whatsAppStatusOf } from "@/server/provisioning";

export const ZWhatsAppReportOutput = z.object({ at: z.date(), byMe: z.boolean(), name: z.string() }).nullable();

export const ZWhatsAppStatusOutput = z.object({
  /** The provider can hand out connection codes (PlugChat); false on the CDP gateway. */
  supported: z.boolean(),
  /** The chat account exists at the provider (before that there is nothing to connect). */
  accountReady: z.boolean(),
  available: z.boolean().nullable(),
  checkedAt: z.date().nullable(),
  reported: ZWhatsAppReportOutput,
  canConnect: z.boolean(),
});

/** The stored report as the person reading it sees it. */
export function reportFor(
  stored: { at: string; userId: string; name: string } | undefined,
  userId: string,
): z.infer<typeof ZWhatsAppReportOutput> {
  return stored ? { at: new Date(stored.at), byMe: stored.userId === userId, name: stored.name } : null;
}

export const status = orgProcedure.output(ZWhatsAppStatusOutput).query(async ({ ctx }) => {
  const [account, wizard] = await Promise.all([
    getVendorAccount(ctx.db, ctx.org.id),
    getOnboarding(ctx.db, ctx.org.id),
  ]);
  const stored = whatsAppStatusOf(account);
  return {
    supported: ctx.provider.capabilities.whatsappCode,
    accountReady: account?.state === "synced",
    available: stored.available,
    checkedAt: stored.checkedAt,
    reported: reportFor(wizard.data.whatsappReported, ctx.session.userId),
    canConnect: mayChangeOrganization(ctx),
  };
});
