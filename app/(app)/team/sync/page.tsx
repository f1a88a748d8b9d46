import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { currentOrgScope } from "@/server/auth/current-org";
import { currentSession } from "@/server/auth/current";
import { currentProviderInfo } from "@/server/providers/info";
import { SyncView } from "./sync-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sync"))("title") };
}

/**
 * Admins only: members are sent back to the team page (every sync procedure refuses them too).
 * Without list calls at the provider there is nothing to compare: the page says so.
 */
export default async function SyncPage() {
  const session = await currentSession();
  const scope = session ? await currentOrgScope(session.userId) : null;
  if (!scope || scope.membership.role === "member") redirect("/team/members");
  const [t, provider] = await Promise.all([getTranslations("sync"), currentProviderInfo()]);
  const supported = Boolean(provider && (provider.capabilities.listOperators || provider.capabilities.departments));
  return (
    <section className="flex flex-col gap-6">
      <header>
        {/* Without list calls the provider may not be PlugChat at all: a neutral title. */}
        <h1 className="text-2xl font-bold text-slate-900">{supported ? t("title") : t("titleGeneric")}</h1>
        {supported && <p className="mt-1 text-slate-600">{t("subtitle")}</p>}
      </header>
      {supported ? <SyncView /> : <Alert tone="info">{t("unsupported")}</Alert>}
    </section>
  );
}
