import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getQueryClient, HydrateClient, trpc } from "@/lib/trpc/server";
import { currentSession } from "@/server/auth/current";
import { ChangeEmailSection } from "./change-email-section";
import { ChangePasswordSection } from "./change-password-section";
import { DeleteAccountSection } from "./delete-account-section";
import { NameSection } from "./name-section";
import { SessionsSection } from "./sessions-section";
import { SupportAccessSection } from "./support-access-section";
import { TwoFactorSection } from "./two-factor-section";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.account"))("metaTitle") };
}

/** The signed-in user's own page: name, password, e-mail, two-step verification, sessions, deleting the account. */
export default async function AccountPage() {
  const [t, session] = await Promise.all([
    getTranslations("auth.account"),
    currentSession(),
    getQueryClient().prefetchQuery(trpc.me.deletionStatus.queryOptions()),
  ]);
  return (
    <section className="flex max-w-xl flex-col gap-6">
      <PageHeader title={t("title")} description={t("subtitle")} />
      <Card title={t("nameTitle")} description={t("nameSubtitle")}>
        <NameSection name={session?.name ?? ""} />
      </Card>
      <Card title={t("passwordTitle")} description={t("passwordSubtitle")}>
        <ChangePasswordSection email={session?.email ?? ""} />
      </Card>
      <ChangeEmailSection />
      <TwoFactorSection />
      <SessionsSection />
      <SupportAccessSection />
      <HydrateClient>
        <Card title={t("deleteTitle")} description={t("deleteSubtitle")}>
          <DeleteAccountSection email={session?.email ?? ""} twoFactorEnabled={session?.twoFactorEnabled ?? false} />
        </Card>
      </HydrateClient>
    </section>
  );
}
