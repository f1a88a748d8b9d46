import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/layout/language-switcher";
import { NavLink } from "@/components/layout/nav-link";
import { UserMenu } from "@/components/layout/user-menu";
import { TRPCReactProvider } from "@/lib/trpc/react";
import { currentOrgScope } from "@/server/auth/current-org";
import { currentSession } from "@/server/auth/current";
import { currentProviderInfo } from "@/server/providers/info";
import { UnverifiedReminder } from "./_email/unverified-reminder";
import { TeamNavLinks } from "./team/team-nav-links";

/** The signed-in shell: anonymous visitors go to sign in; the header names the organization. */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const session = await currentSession();
  if (!session) redirect("/sign-in");
  const scope = await currentOrgScope(session.userId);
  if (!scope) redirect("/sign-in");
  const [t, provider] = await Promise.all([getTranslations("common"), currentProviderInfo()]);
  // Without a chat SDK (CDP) there is no chat to open in the portal.
  const chatInPortal = provider?.capabilities.chatSdk ?? true;
  return (
    <TRPCReactProvider organizationId={scope.org.id}>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2"
      >
        {t("skipToContent")}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 pt-3 sm:px-6">
          <Link href="/" className="flex min-w-0 items-center gap-2">
            <span
              aria-hidden
              className="grid size-8 shrink-0 place-items-center rounded-lg bg-brand-700 font-bold text-white"
            >
              P
            </span>
            <span className="truncate text-base font-semibold text-slate-900" data-testid="org-name">
              {scope.org.name}
            </span>
          </Link>
          <div className="flex shrink-0 items-center gap-3">
            <LanguageSwitcher />
            <UserMenu name={session.name} email={session.email} />
          </div>
        </div>
        {/* Its own row, scrolling sideways on a phone: every page stays one tap away at any width. */}
        <nav
          aria-label={t("mainNav")}
          className="mx-auto mt-1 flex max-w-6xl items-center overflow-x-auto px-2 text-sm sm:px-4"
        >
          <NavLink href="/">{t("nav.dashboard")}</NavLink>
          {chatInPortal && <NavLink href="/chat">{t("nav.chat")}</NavLink>}
          <TeamNavLinks role={scope.membership.role} />
        </nav>
      </header>
      {!session.emailVerified && <UnverifiedReminder email={session.email} />}
      <main id="main" className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        {children}
      </main>
    </TRPCReactProvider>
  );
}
