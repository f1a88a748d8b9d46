import { ClientMessages } from "@/lib/i18n/client-messages";

/** What the team pages read in the browser (the operator form's field rules are onboarding's). */
const CLIENT_NAMESPACES = ["team", "import", "sync", "onboarding.validation", "auth.showPassword", "auth.hidePassword"];

export default function TeamLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={CLIENT_NAMESPACES}>{children}</ClientMessages>;
}
