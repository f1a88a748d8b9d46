import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("team.forbidden"))("title") };
}

/** What a member sees on a team page for owners and administrators (forbidden() in (admin)/layout.tsx). */
export default async function TeamForbidden() {
  const t = await getTranslations("team.forbidden");
  return (
    <section className="flex flex-col gap-6" data-testid="team-forbidden">
      <PageHeader title={t("title")} description={t("body")} />
      <p>
        <Link href="/" className="font-semibold text-brand-800 underline">
          {t("home")}
        </Link>
      </p>
    </section>
  );
}
