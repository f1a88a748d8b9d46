import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { BASE_CLIENT_NAMESPACES, pickMessages } from "./pick-messages";

/**
 * The browser's messages for the client components below: the base namespaces plus `namespaces`
 * ("team" or "team.accept"). A nested one replaces the outer one for its subtree, so it names all
 * that subtree reads. Locale, time zone and `now` come from the request config as usual.
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly string[];
  children: React.ReactNode;
}) {
  const messages = (await getMessages()) as Parameters<typeof pickMessages>[0];
  return (
    <NextIntlClientProvider messages={pickMessages(messages, [...BASE_CLIENT_NAMESPACES, ...namespaces])}>
      {children}
    </NextIntlClientProvider>
  );
}
