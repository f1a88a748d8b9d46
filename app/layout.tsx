import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { Toaster } from "@/components/ui/toast";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { productName } from "@/server/config/product-name";
import { inter } from "./fonts";
import "./globals.css";

/** Every page names itself ("Operadores · Portal PlugChat"); the icons are app/icon.svg, app/favicon.ico, app/apple-icon.tsx. */
export async function generateMetadata(): Promise<Metadata> {
  const product = await productName();
  return { title: { default: product, template: `%s · ${product}` }, applicationName: product };
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
