/** whatsapp.reportConnected — "Já conectei": keeps who said WhatsApp is connected, and when. */
import { appError } from "@/server/errors";
import { adminProcedure } from "@/server/api/trpc";
import { reportWhatsAppConnected } from "@/server/onboarding/whatsapp-report";
import { requireSyncedAccount } from "@/server/provisioning";
import { reportFor, ZWhatsAppReportOutput } from "./status";

export const reportConnected = adminProcedure.output(ZWhatsAppReportOutput).mutation(async ({ ctx }) => {
  if (!ctx.provider.capabilities.whatsappCode) throw appError("NOT_SUPPORTED");
  await requireSyncedAccount(ctx.db, ctx.org.id);
  const report = await reportWhatsAppConnected(ctx.db, ctx.org.id, ctx.session);
  return reportFor(report, ctx.session.userId);
});
