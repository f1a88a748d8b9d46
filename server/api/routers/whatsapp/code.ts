/** whatsapp.code — a fresh WhatsApp connection code, or null when the account has no WhatsApp instance yet. */
import { z } from "zod";
import { adminProcedure } from "@/server/api/trpc";
import { requireSyncedAccount } from "@/server/provisioning";

export const ZWhatsAppCodeOutput = z.object({ code: z.object({ token: z.string(), expiresAt: z.date() }).nullable() });

export const code = adminProcedure.output(ZWhatsAppCodeOutput).query(async ({ ctx }) => {
  const account = await requireSyncedAccount(ctx.db, ctx.org.id);
  const result = await ctx.provider.getWhatsAppCode(account.vendorAccountId);
  return { code: result ? { token: result.token, expiresAt: result.expiresAt } : null };
});
