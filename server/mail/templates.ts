/**
 * The texts of the portal's e-mails, in the recipient's language (messages/<locale>/mail.json),
 * signed with the portal's product name (Configuração da plataforma, else PORTAL_PRODUCT_NAME:
 * server/config/product-name.ts). use-intl/core (next-intl's own engine, without React): scripts
 * and benches that run the server code under the react-server condition load it too.
 * Render before opening a transaction: the product name may need a query of its own.
 */
import "server-only";
import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/i18n/config";
import { messages } from "@/messages";
import { productNameIn } from "@/server/config/product-name";
import type { Db } from "@/server/db/client";

type Template = keyof (typeof messages)["pt-BR"]["mail"];

export interface RenderedEmail {
  subject: string;
  text: string;
}

/** Renders with a product name read beforehand (inside a transaction: `productNameIn` first, outside it). */
export function renderEmailAs(
  product: string,
  locale: Locale,
  template: Template,
  params: Record<string, string | number>,
): RenderedEmail {
  const t = createTranslator({ locale, messages: messages[locale], namespace: `mail.${template}` });
  const withProduct = { product, ...params };
  return { subject: t("subject", withProduct), text: t("body", withProduct) };
}

export async function renderEmail(
  db: Db,
  locale: Locale,
  template: Template,
  params: Record<string, string | number>,
): Promise<RenderedEmail> {
  return renderEmailAs(await productNameIn(locale, db), locale, template, params);
}
