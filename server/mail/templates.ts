/**
 * The texts of the portal's e-mails, in the recipient's language (messages/<locale>/mail.json),
 * signed with the portal's product name (PORTAL_PRODUCT_NAME, server/config/product-name.ts).
 * use-intl/core (next-intl's own engine, without React): scripts and benches that run the
 * server code under the react-server condition load it too.
 */
import "server-only";
import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/i18n/config";
import { messages } from "@/messages";
import { productNameIn } from "@/server/config/product-name";

type Template = keyof (typeof messages)["pt-BR"]["mail"];

export function renderEmail(
  locale: Locale,
  template: Template,
  params: Record<string, string | number>,
): { subject: string; text: string } {
  const t = createTranslator({ locale, messages: messages[locale], namespace: `mail.${template}` });
  const withProduct = { product: productNameIn(locale), ...params };
  return { subject: t("subject", withProduct), text: t("body", withProduct) };
}
