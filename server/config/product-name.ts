/**
 * The name the portal calls itself (tab titles, the headers, e-mails, the chat): the name saved in
 * Configuração da plataforma, else the integrator's PORTAL_PRODUCT_NAME, else "Portal PlugChat"
 * in the reader's language (server/platform/settings.ts). One build serves any brand.
 */
import "server-only";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import { messages } from "@/messages";
import type { Db } from "@/server/db/client";
import { getPlatformSettings } from "@/server/platform/settings";

/** For the page being rendered (its request's language). */
export async function productName(): Promise<string> {
  return (await getPlatformSettings()).productName ?? (await getTranslations("common"))("appName");
}

/** For what is written outside a page (e-mails, in the recipient's language). */
export async function productNameIn(locale: Locale, db?: Db): Promise<string> {
  return (await getPlatformSettings(db)).productName ?? messages[locale].common.appName;
}
