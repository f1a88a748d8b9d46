/**
 * The integrator's support contact, shown to a suspended customer's people: the support e-mail
 * saved in Configuração da plataforma, else SUPPORT_EMAIL (server/platform/settings.ts).
 */
import "server-only";
import { getPlatformSettings } from "@/server/platform/settings";

export async function supportEmail(): Promise<string | null> {
  return (await getPlatformSettings()).supportEmail;
}
