import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { PLAN_CURRENCY, reais } from "@/lib/plan/price";
import { serverCaller } from "@/lib/trpc/server";
import { History } from "./history";
import { SettingsForm } from "./settings-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.settings"))("title") };
}

/**
 * Configuração da plataforma: the integrator's product name, logo, primary colour, support e-mail
 * and price per seat (console.settings.get / .update, staff only), and the history of changes.
 */
export default async function ConsoleSettingsPage() {
  const [t, tCommon, format, caller] = await Promise.all([
    getTranslations("admin.settings"),
    getTranslations("common"),
    getFormatter(),
    serverCaller(),
  ]);
  const settings = await caller.console.settings.get();
  const { defaults } = settings;
  const priceDefault =
    defaults.pricePerSeatCents === null
      ? null
      : format.number(reais(defaults.pricePerSeatCents), { style: "currency", currency: PLAN_CURRENCY });
  return (
    <section className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("subtitle")} />
      {/* The console's layout hands the browser the `admin` messages the form reads. */}
      <SettingsForm
        saved={settings.saved}
        defaultProductName={defaults.productName ?? tCommon("appName")}
        defaultPrice={priceDefault}
      />
      <History entries={settings.history} />
    </section>
  );
}
