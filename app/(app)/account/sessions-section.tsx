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
      <Card role="region" className="flex flex-col gap-5" aria-labelledby="sessions-title">
        <div>
          <h2 id="sessions-title" className="text-lg font-semibold text-slate-900">
            {t("title")}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t("subtitle")}</p>
        </div>
        <SessionsList />
      </Card>
    </HydrateClient>
  );
}
