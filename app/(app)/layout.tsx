import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/layout/app-shell";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { TRPCReactProvider } from "@/lib/trpc/react";
import { currentOrgScope } from "@/server/auth/current-org";
import { currentSession, currentStaff } from "@/server/auth/current";
import { currentProviderInfo } from "@/server/providers/info";
import { UnverifiedReminder } from "./_email/unverified-reminder";
import { SupportBanner } from "./_support/support-banner";
import { teamNavItems } from "./team/team-nav-links";

/**
 * What the shell (user menu, e-mail reminder), the dashboard and the chat read in the browser;
 * account/, onboarding/ and team/ name their own in their layouts.
 */
const APP_CLIENT_NAMESPACES = [
  "auth.showPassword",
  "auth.hidePassword",
  "email.reminder",
  "dashboard",
  "chat",
] as const;

/** The signed-in shell: anonymous visitors go to sign in; the header names the organization. */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const session = await currentSession();
  if (!session) redirect("/sign-in");
  const scope = await currentOrgScope(session.userId);
  // Platform staff whose support access ended (revoked, expired) go back to the console.
  if (!scope) redirect((await currentStaff()) ? "/admin" : "/sign-in");
  // A suspended organization's people see only the suspension page (staff under a support grant still look).
  if (scope.org.suspendedAt && !scope.support) redirect("/suspended");
  const [t, tAttendances, tReports, provider, team, requestHeaders] = await Promise.all([
    getTranslations("common"),
    getTranslations("attendances"),
    getTranslations("reports"),
    currentProviderInfo(),
    teamNavItems(scope.membership.role),
    headers(),
  ]);
  // A first guess at the screen for the server render; the browser corrects it on hydration.
  const phone =
    requestHeaders.get("sec-ch-ua-mobile") === "?1" || /Mobi|Android/i.test(requestHeaders.get("user-agent") ?? "");
  // Without a chat SDK (CDP) there is no chat to open in the portal.
  // Support access never opens the chat (no operator token is handed to staff).
  const chatInPortal = (provider?.capabilities.chatSdk ?? true) && !scope.support;
  // Without connection codes (CDP) WhatsApp is linked in the chat platform; /whatsapp says so.
  const whatsappInPortal = provider?.capabilities.whatsappCode ?? true;
  const nav = [
    { href: "/", label: t("nav.dashboard") },
    ...(chatInPortal ? [{ href: "/chat", label: t("nav.chat") }] : []),
    ...(whatsappInPortal ? [{ href: "/whatsapp", label: t("nav.whatsapp") }] : []),
    ...(provider?.capabilities.attendanceWebhooks ? [{ href: "/attendances", label: tAttendances("nav") }] : []),
    ...(provider?.capabilities.satisfaction ? [{ href: "/reports", label: tReports("nav") }] : []),
    // Without a URA or a subscription sold through the portal (CDP) the pages only explain; not in the menu.
    ...((provider?.capabilities.ura ?? true) ? [{ href: "/automatic-reply", label: t("nav.ura") }] : []),
    ...((provider?.capabilities.subscription ?? true) ? [{ href: "/plan", label: t("nav.plan") }] : []),
    // The team pages are one entry, "Equipe", with their own row while one of them is open.
    ...(team.length ? [{ href: team[0]!.href, label: t("nav.team"), children: team }] : []),
  ];
  return (
    <TRPCReactProvider organizationId={scope.org.id}>
      <ClientMessages namespaces={APP_CLIENT_NAMESPACES}>
        <AppShell
          orgName={scope.org.name}
          nav={nav}
          user={{ name: session.name, email: session.email }}
          notice={
            scope.support ? (
              <SupportBanner org={scope.org.name} support={scope.support} />
            ) : (
              !session.emailVerified && <UnverifiedReminder email={session.email} />
            )
          }
          phone={phone}
        >
          {children}
        </AppShell>
      </ClientMessages>
    </TRPCReactProvider>
  );
}
