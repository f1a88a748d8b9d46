import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { currentProviderInfo } from "@/server/providers/info";
import { SyncView } from "./sync-view";
import { currentTeamAccess } from "../../current-role";
import { adminPageMetadata } from "../metadata";

export function generateMetadata(): Promise<Metadata> {
  return adminPageMetadata("sync");
}

/**
 * Owners and admins only: ../layout.tsx is the gate (every sync procedure refuses members too).
 * Without list calls at the provider there is nothing to compare: the page says so.
 */
export default async function SyncPage() {
  const [t, provider, access] = await Promise.all([
    getTranslations("sync"),
    currentProviderInfo(),
    currentTeamAccess(),
  ]);
  const supported = Boolean(provider && (provider.capabilities.listOperators || provider.capabilities.departments));
  return (
    <section className="flex flex-col gap-6">
      {/* Without list calls the provider may not be PlugChat at all: a neutral title. */}
      <PageHeader
        title={supported ? t("title") : t("titleGeneric")}
        description={supported ? t("subtitle") : undefined}
      />
      {supported ? <SyncView canFix={access.canManage} /> : <Alert tone="info">{t("unsupported")}</Alert>}
    </section>
  );
}
