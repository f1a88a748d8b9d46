/**
 * next-intl's per-request configuration (no locale in the URL): the user's saved choice
 * (NEXT_LOCALE cookie), else Portuguese — our users are Brazilian first, whatever
 * language their browser happens to be set to.
 */
import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { messages } from "@/messages";
import { defaultLocale, isLocale, LOCALE_COOKIE } from "./config";

export default getRequestConfig(async () => {
  const saved = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(saved) ? saved : defaultLocale;
  return { locale, messages: messages[locale], timeZone: "America/Sao_Paulo" };
});
