import { ClientMessages } from "@/lib/i18n/client-messages";

/** What Minha conta reads in the browser: password, e-mail, two-step verification, sessions, support access. */
const CLIENT_NAMESPACES = ["auth", "email", "twoFactor", "sessions", "support.section"];

export default function AccountLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={CLIENT_NAMESPACES}>{children}</ClientMessages>;
}
