import type { Metadata } from "next";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/layout/app-shell";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { TRPCReactProvider } from "@/lib/trpc/react";
import { currentSession, currentStaff } from "@/server/auth/current";
import { ConsoleNotice } from "../console-notice";

/** What the console's client components read in the browser (the shell's user menu reads "common"). */
const CONSOLE_CLIENT_NAMESPACES = ["admin", "auth.showPassword", "auth.hidePassword"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: { template: `%s · ${t("consoleName")}`, default: t("consoleName") }, robots: { index: false } };
}

/**
 * The console's gate and shell, checked on the server for every page under /admin: anonymous
 * visitors sign in; anyone who is not platform staff gets "Sem acesso" (403); staff without
 * two-step verification are told to turn it on. The console's procedures check the same
 * (staffProcedure), so a page that slipped past this would still get no data.
 */
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const session = await currentSession();
  if (!session) redirect("/sign-in?callbackUrl=%2Fadmin");
  const staff = await currentStaff();
  if (!staff) forbidden();
  const t = await getTranslations("admin");
  if (!staff.twoFactorEnabled) {
    return (
      <ConsoleNotice
        title={t("twoFactorRequired.title")}
        body={t("twoFactorRequired.body")}
        href="/account"
        linkText={t("twoFactorRequired.link")}
        testId="console-two-factor-required"
      />
    );
  }
  const requestHeaders = await headers();
  // A first guess at the screen for the server render (tables start as cards on phones).
  const phone =
    requestHeaders.get("sec-ch-ua-mobile") === "?1" || /Mobi|Android/i.test(requestHeaders.get("user-agent") ?? "");
  const nav = [
    { href: "/admin/customers", label: t("nav.customers") },
    { href: "/admin/funnel", label: t("nav.funnel") },
    { href: "/admin/attention", label: t("nav.attention") },
    { href: "/admin/settings", label: t("nav.settings") },
  ];
  return (
    <TRPCReactProvider>
      <ClientMessages namespaces={CONSOLE_CLIENT_NAMESPACES}>
        <AppShell
          orgName={t("consoleName")}
          homeHref="/admin/customers"
          nav={nav}
          user={{ name: session.name, email: session.email }}
          phone={phone}
        >
          {children}
        </AppShell>
      </ClientMessages>
    </TRPCReactProvider>
  );
}
