import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getNow, getTranslations } from "next-intl/server";
import { CellsTable, type CellsRow } from "@/components/console/cells-table";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { notAfter } from "@/lib/i18n/past";
import { serverCaller } from "@/lib/trpc/server";
import type { TAttentionListOutput } from "@/server/api/routers/console/attention/list";
import { AttentionActions } from "./attention-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.attention"))("title") };
}

const PROVIDER_FAILURES = new Set([
  "unauthorized",
  "not_found",
  "rejected",
  "unavailable",
  "ambiguous",
  "rate_limited",
  "internal",
]);

/** Precisa de atenção: what failed or is in doubt in every customer, oldest first, with what staff can do. */
export default async function ConsoleAttentionPage() {
  const [t, format, now] = await Promise.all([getTranslations("admin.attention"), getFormatter(), getNow()]);
  const items = await (await serverCaller()).console.attention.list();

  const reasonOf = (item: TAttentionListOutput[number]): string => {
    const r = item.reason;
    if (r.kind === "import") return t("reasons.import", { count: r.failedRows });
    if (r.kind === "webhook") return t("reasons.webhook", { count: r.attempts });
    if (r.kind === "stuck") return t("reasons.stuck");
    const key = PROVIDER_FAILURES.has(r.failure) ? r.failure : "other";
    return t(`reasons.${key}` as Parameters<typeof t>[0]);
  };

  const rows: CellsRow[] = items.map((item) => ({
    key: `${item.kind}:${item.id}`,
    testId: "attention-row",
    cells: {
      what: (
        <span className="flex flex-col gap-1">
          <span className="font-semibold text-slate-900">
            {t(`kinds.${item.kind}`)}
            {item.name ? `: ${item.name}` : ""}
          </span>
          {item.state && (
            <Badge tone={item.state === "failed" ? "danger" : "warning"} size="sm" className="self-start">
              {t(`states.${item.state}`)}
            </Badge>
          )}
        </span>
      ),
      customer: (
        <Link href={`/admin/customers/${item.organizationId}`} className="text-brand-800 underline">
          {item.organizationName}
        </Link>
      ),
      reason: reasonOf(item),
      since: (
        <time
          dateTime={item.since.toISOString()}
          title={format.dateTime(item.since, { dateStyle: "short", timeStyle: "short" })}
        >
          {format.relativeTime(notAfter(item.since, now), now)}
        </time>
      ),
      actions: (
        <AttentionActions
          kind={item.kind}
          id={item.id}
          name={item.name || t(`kinds.${item.kind}`)}
          actions={item.actions}
        />
      ),
    },
  }));

  return (
    <section className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("subtitle")} />
      <CellsTable
        caption={t("table")}
        minWidth="sm:min-w-[56rem]"
        columns={[
          { key: "what", header: t("columns.what"), primary: true },
          { key: "customer", header: t("columns.customer") },
          { key: "reason", header: t("columns.reason") },
          { key: "since", header: t("columns.since") },
          { key: "actions", header: t("columns.actions"), actions: true },
        ]}
        rows={rows}
        empty={t("empty")}
      />
    </section>
  );
}
