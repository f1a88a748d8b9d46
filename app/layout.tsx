import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { Toaster } from "@/components/ui/toast";
import { brandCssVariables } from "@/lib/branding/color";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { productName } from "@/server/config/product-name";
import { getPlatformSettings } from "@/server/platform/settings";
import { inter } from "./fonts";
import "./globals.css";

/**
 * Every page names itself ("Operadores · Portal PlugChat", or the integrator's product name from
 * Configuração da plataforma); the icons are app/icon.svg, app/favicon.ico, app/apple-icon.tsx.
 */
export async function generateMetadata(): Promise<Metadata> {
  const product = await productName();
  return { title: { default: product, template: `%s · ${product}` }, applicationName: product };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, settings] = await Promise.all([getLocale(), getPlatformSettings()]);
  // The integrator's primary colour replaces the brand shades of app/globals.css (buttons, links, focus).
  const brand = settings.primaryColor ? (brandCssVariables(settings.primaryColor) as React.CSSProperties) : undefined;
  return (
    <html lang={locale} className={inter.variable} style={brand}>
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
