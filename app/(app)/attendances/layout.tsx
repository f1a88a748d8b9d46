import { ClientMessages } from "@/lib/i18n/client-messages";

const CLIENT_NAMESPACES = ["attendances"];

export default function AttendancesLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={CLIENT_NAMESPACES}>{children}</ClientMessages>;
}
