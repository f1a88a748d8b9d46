import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { currentSession } from "@/server/auth/current";
import { ChangeEmailSection } from "./change-email-section";
import { ChangePasswordSection } from "./change-password-section";
import { SessionsSection } from "./sessions-section";
import { TwoFactorSection } from "./two-factor-section";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.account"))("metaTitle") };
}

/** The signed-in user's own page: password, e-mail, two-step verification, sessions. */
export default async function AccountPage() {
  const [t, session] = await Promise.all([getTranslations("auth.account"), currentSession()]);
  return (
    <section className="flex max-w-xl flex-col gap-6">
      <PageHeader title={t("title")} description={t("subtitle")} />
      <Card title={t("passwordTitle")} description={t("passwordSubtitle")}>
        <ChangePasswordSection email={session?.email ?? ""} />
      </Card>
      <ChangeEmailSection />
      <TwoFactorSection />
      <SessionsSection />
    </section>
  );
}
