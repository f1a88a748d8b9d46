import { ClientMessages } from "@/lib/i18n/client-messages";

/** What the wizard's steps read in the browser (the operators step uses the team's operator form). */
const CLIENT_NAMESPACES = [
  "onboarding",
  "dashboard",
  "whatsapp",
  "email.panel",
  "team.operators",
  "auth.showPassword",
  "auth.hidePassword",
];

export default function OnboardingLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={CLIENT_NAMESPACES}>{children}</ClientMessages>;
}
