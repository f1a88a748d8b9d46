import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BrandMark } from "@/components/ui/brand-mark";
import { PhoneHintProvider } from "@/components/ui/table";
import { productName } from "@/server/config/product-name";
import { getPlatformSettings } from "@/server/platform/settings";
import { LanguageSwitcher } from "./language-switcher";
import { MainNavLinks, MainNavMenu, type NavItem } from "./main-nav";
import { UserMenu } from "./user-menu";

/**
 * The signed-in frame: a skip link, the header (menu button on phones, the integrator's logo and
 * product name with the organization under it, language, user menu), the main navigation row from `md` up, an optional notice, and the page.
 */
export async function AppShell({
  orgName,
  nav,
  user,
  notice,
  phone,
  homeHref = "/",
  children,
}: {
  orgName: string;
  nav: readonly NavItem[];
  user: { name: string; email: string };
  notice?: React.ReactNode;
  /** The request looks like a phone's: tables start as cards. */
  phone: boolean;
  /** Where the name in the header leads (the console's shell: /admin). */
  homeHref?: string;
  children: React.ReactNode;
}) {
  const [t, product, settings] = await Promise.all([getTranslations("common"), productName(), getPlatformSettings()]);
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2"
      >
        {t("skipToContent")}
      </a>
      <header className="border-b border-slate-200 bg-white">
        {/* Below md the organization gets a row of its own under the buttons: a long name wraps, never cut short. */}
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-2 gap-y-2 px-4 py-3 sm:gap-x-4 sm:px-6 md:flex-nowrap md:pb-0">
          <MainNavMenu items={nav} label={t("mainNav")} buttonLabel={t("menu")} />
          <Link href={homeHref} className="flex min-w-0 items-center gap-2 max-md:order-last max-md:basis-full">
            <BrandMark logoPath={settings.logo?.path} />
            <span className="flex min-w-0 flex-col">
              <span className="break-words text-xs font-medium text-slate-600" data-testid="product-name">
                {product}
              </span>
              {/* Read as two words ("Portal PlugChat Padaria…"), as the link's accessible name has them. */}{" "}
              <span className="min-w-0 break-words text-base font-semibold text-slate-900" data-testid="org-name">
                {orgName}
              </span>
            </span>
          </Link>
          <div className="ml-auto flex shrink-0 items-center gap-1 sm:gap-3">
            <LanguageSwitcher />
            <UserMenu name={user.name} email={user.email} />
          </div>
        </div>
        <MainNavLinks items={nav} label={t("mainNav")} />
      </header>
      {notice}
      <main id="main" className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <PhoneHintProvider phone={phone}>{children}</PhoneHintProvider>
      </main>
    </>
  );
}
