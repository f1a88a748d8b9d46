/**
 * whatsapp.newCode — a fresh WhatsApp connection code (null when the account has no WhatsApp
 * instance yet). A mutation: each call issues a new code, and the answer is stored as the
 * latest WhatsApp status the dashboard shows.
 */
import { z } from "zod";
import { appError } from "@/server/errors";
import { adminProcedure } from "@/server/api/trpc";
import { requestWhatsAppCode } from "@/server/provisioning";

export const ZWhatsAppNewCodeOutput = z.object({
  code: z.object({ token: z.string(), expiresAt: z.date() }).nullable(),
  available: z.boolean().nullable(),
  checkedAt: z.date().nullable(),
});

export const newCode = adminProcedure.output(ZWhatsAppNewCodeOutput).mutation(async ({ ctx }) => {
  if (!ctx.provider.capabilities.whatsappCode) throw appError("NOT_SUPPORTED");
  const { code, status } = await requestWhatsAppCode(ctx.db, ctx.provider, ctx.org.id);
  return { code: code ? { token: code.token, expiresAt: code.expiresAt } : null, ...status };
});
