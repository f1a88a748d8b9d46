import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.attention"))("title") };
}

export default async function ConsoleAttentionPage() {
  const t = await getTranslations("admin.attention");
  return (
    <section className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("subtitle")} />
    </section>
  );
}
