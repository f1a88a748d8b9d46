import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { fetchForPage, HydrateClient, trpc } from "@/lib/trpc/server";
import { UraView } from "./ura-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ura"))("metaTitle") };
}

/**
 * Atendimento automático (the URA): the messages the chat sends by itself and the departments it
 * offers, with a live WhatsApp-like preview. Read back from what the portal saved (the vendor has
 * no GET); admins change it, members read it. A backend without a URA (CDP) gets a plain sentence.
 */
export default async function AutomaticReplyPage() {
  const t = await getTranslations("ura");
  const ura = await fetchForPage(trpc.ura.get.queryOptions());
  return (
    <HydrateClient>
      <ClientMessages namespaces={["ura"]}>
        <section className="flex flex-col gap-6">
          <PageHeader title={t("title")} description={ura.supported ? t("description") : undefined} />
          {!ura.supported ? (
            <Card data-testid="ura-unsupported">{t("unsupported")}</Card>
          ) : !ura.accountReady ? (
            <Card>
              <p className="text-sm text-slate-800">{t("accountMissing")}</p>
              {ura.canEdit && (
                <Link href="/onboarding" className="mt-3 inline-block text-sm font-semibold text-brand-800 underline">
                  {t("goToSetup")}
                </Link>
              )}
            </Card>
          ) : (
            <UraView />
          )}
        </section>
      </ClientMessages>
    </HydrateClient>
  );
}
