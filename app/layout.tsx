import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Toaster } from "@/components/ui/toast";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { inter } from "./fonts";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: t("appName"), template: `%s · ${t("appName")}` } };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale} className={inter.variable}>
      <body className="min-h-screen font-sans">
        {/* The browser gets the base namespaces here; each area's layout adds what its pages read. */}
        <ClientMessages namespaces={[]}>
          {children}
          <Toaster />
        </ClientMessages>
      </body>
    </html>
  );
}
