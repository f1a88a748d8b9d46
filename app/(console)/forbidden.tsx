import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConsoleNotice } from "./console-notice";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.noAccess"))("title"), robots: { index: false } };
}

/**
 * What someone who is not platform staff sees at /admin (forbidden() in admin/layout.tsx, HTTP 403):
 * the same words as a page that does not exist, so the console's pages are not confirmed to anyone.
 */
export default async function ConsoleForbidden() {
  const t = await getTranslations("admin.noAccess");
  return <ConsoleNotice title={t("title")} body={t("body")} href="/" linkText={t("home")} testId="console-no-access" />;
}
