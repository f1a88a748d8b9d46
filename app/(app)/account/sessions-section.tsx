import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { getQueryClient, HydrateClient, trpc } from "@/lib/trpc/server";
import { SessionsList } from "./sessions-list";

/** "Sessões ativas": the list is read on the server and handed to the browser, which ends sessions. */
export async function SessionsSection() {
  const t = await getTranslations("sessions");
  await getQueryClient().prefetchQuery(trpc.sessions.list.queryOptions());
  return (
    <HydrateClient>
      <Card
        as="section"
        aria-labelledby="sessions-title"
        title={t("title")}
        titleId="sessions-title"
        description={t("subtitle")}
      >
        <SessionsList />
      </Card>
    </HydrateClient>
  );
}
