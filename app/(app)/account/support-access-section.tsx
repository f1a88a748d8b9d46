/**
 * Minha conta → "Acesso de suporte": every member sees whether the platform staff can look at the
 * company's pages and until when; owners allow it (1 to 72 hours) and end it.
 */
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { getQueryClient, HydrateClient, trpc } from "@/lib/trpc/server";
import { currentOrgScope } from "@/server/auth/current-org";
import { currentSession } from "@/server/auth/current";
import { SupportAccessPanel } from "./support-access-panel";

export async function SupportAccessSection() {
  const session = await currentSession();
  if (!session) return null;
  const scope = await currentOrgScope(session.userId);
  if (!scope) return null;
  const t = await getTranslations("support.section");
  await getQueryClient().prefetchQuery(trpc.supportAccess.list.queryOptions());
  return (
    <HydrateClient>
      <Card id="support-access" className="scroll-mt-6" title={t("title")} description={t("intro")}>
        <SupportAccessPanel owner={scope.membership.role === "owner" && !scope.support} />
      </Card>
    </HydrateClient>
  );
}
