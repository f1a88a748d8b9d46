/**
 * The name the portal calls itself (tab titles, the sign-in page's header): the integrator's
 * PORTAL_PRODUCT_NAME, else "Portal PlugChat" in the user's language. Read per request, like
 * PUBLIC_URL: one build serves any brand.
 */
import "server-only";
import { getTranslations } from "next-intl/server";

export async function productName(): Promise<string> {
  const configured = process.env.PORTAL_PRODUCT_NAME?.trim();
  if (configured) return configured;
  return (await getTranslations("common"))("appName");
}
