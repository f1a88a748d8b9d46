import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.customers"))("title") };
}

export default async function ConsoleCustomersPage() {
  const t = await getTranslations("admin.customers");
  return (
    <section className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("subtitle")} />
    </section>
  );
}
