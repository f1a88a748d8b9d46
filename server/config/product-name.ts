/**
 * The name the portal calls itself (tab titles, the sign-in page's header, e-mails): the
 * integrator's PORTAL_PRODUCT_NAME, else "Portal PlugChat" in the reader's language. Read per
 * call, like PUBLIC_URL: one build serves any brand.
 */
import "server-only";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import { messages } from "@/messages";

function configuredProductName(): string | undefined {
  return process.env.PORTAL_PRODUCT_NAME?.trim() || undefined;
}

/** For the page being rendered (its request's language). */
export async function productName(): Promise<string> {
  return configuredProductName() ?? (await getTranslations("common"))("appName");
}

/** For what is written outside a page (e-mails, in the recipient's language). */
export function productNameIn(locale: Locale): string {
  return configuredProductName() ?? messages[locale].common.appName;
}
