import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.funnel"))("title") };
}

export default async function ConsoleFunnelPage() {
  const t = await getTranslations("admin.funnel");
  return (
    <section className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("subtitle")} />
    </section>
  );
}
