import { LanguageSwitcher } from "@/components/layout/language-switcher";
import { BrandMark } from "@/components/ui/brand-mark";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { productName } from "@/server/config/product-name";
import { getPlatformSettings } from "@/server/platform/settings";

/** What the sign-in, sign-up, invitation, password and e-mail forms read in the browser. */
const CLIENT_NAMESPACES = ["auth", "twoFactor.signIn", "twoFactor.validation", "team.accept", "email.verifyPage"];

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const [product, settings] = await Promise.all([productName(), getPlatformSettings()]);
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex items-center justify-between px-6 py-4">
        <span className="flex items-center gap-2 text-lg font-bold text-brand-800">
          <BrandMark logoPath={settings.logo?.path} />
          {product}
        </span>
        <LanguageSwitcher />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pb-16 pt-6 sm:pt-12">
        <div className="w-full max-w-md">
          <ClientMessages namespaces={CLIENT_NAMESPACES}>{children}</ClientMessages>
        </div>
      </main>
    </div>
  );
}
