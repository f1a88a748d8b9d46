import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { fetchForPage, HydrateClient, trpc } from "@/lib/trpc/server";
import { WhatsAppView } from "./whatsapp-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("whatsapp"))("metaTitle") };
}

/**
 * The organization's WhatsApp at any time: what the portal knows (no vendor call to render it),
 * and for admins the connection panel. A backend without connection codes (CDP) gets a plain
 * explanation instead.
 */
export default async function WhatsAppPage() {
  const t = await getTranslations("whatsapp");
  const status = await fetchForPage(trpc.whatsapp.status.queryOptions());
  return (
    <HydrateClient>
      <ClientMessages namespaces={["whatsapp"]}>
        <section className="flex flex-col gap-6">
          <PageHeader title={t("title")} description={status.supported ? t("description") : undefined} />
          {status.supported ? <WhatsAppView /> : <Card data-testid="whatsapp-unsupported">{t("unsupported")}</Card>}
        </section>
      </ClientMessages>
    </HydrateClient>
  );
}
