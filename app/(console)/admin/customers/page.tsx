import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getNow, getTranslations } from "next-intl/server";
import { CellsTable, type CellsRow } from "@/components/console/cells-table";
import { Badge, toneOf } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FilterPanel } from "@/components/ui/filter-panel";
import { PageHeader } from "@/components/ui/page-header";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { notAfter } from "@/lib/i18n/past";
import {
  CUSTOMER_ACCOUNT_FILTERS,
  CUSTOMER_ONBOARDING_FILTERS,
  CUSTOMER_SORTS,
  ZCustomersListInput,
  type TCustomersListInput,
} from "@/lib/validation/console-customers";
import { serverCaller } from "@/lib/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.customers"))("title") };
}

const FILTER_KEYS = ["q", "onboarding", "account", "plan", "suspended", "sort"] as const;

/** The URL's filters, each kept only when valid (a hand-edited URL never breaks the page). */
function filtersFrom(params: Record<string, string | string[] | undefined>): TCustomersListInput {
  const input: Record<string, string> = {};
  for (const key of [...FILTER_KEYS, "cursor"] as const) {
    const value = params[key];
    if (typeof value !== "string" || value === "") continue;
    if (ZCustomersListInput.safeParse({ [key]: value }).success) input[key] = value;
  }
  return input as TCustomersListInput;
}

function hrefWith(filters: TCustomersListInput, cursor?: string): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, String(value));
  }
  if (cursor) params.set("cursor", cursor);
  const qs = params.toString();
  return qs ? `/admin/customers?${qs}` : "/admin/customers";
}

/** Clientes: every organization, with filters in the URL (a plain GET form) and keyset pages. */
export default async function ConsoleCustomersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [t, format, now] = await Promise.all([getTranslations("admin.customers"), getFormatter(), getNow()]);
  const filters = filtersFrom(await searchParams);
  const { items, nextCursor } = await (await serverCaller()).console.customers.list(filters);
  const active = FILTER_KEYS.filter((k) => k !== "sort" && filters[k]).length;
  const day = (d: Date) => format.dateTime(d, { dateStyle: "short" });

  const rows: CellsRow[] = items.map((c) => ({
    key: c.id,
    testId: "customer-row",
    cells: {
      name: (
        <Link href={`/admin/customers/${c.id}`} className="font-semibold text-brand-800 underline">
          {c.name}
        </Link>
      ),
      created: day(c.createdAt),
      onboarding: c.onboardingCompletedAt ? (
        <Badge tone="success">{t("completed")}</Badge>
      ) : (
        <Badge tone="info">{t("step", { step: t(`steps.${c.onboardingStep ?? "company"}`) })}</Badge>
      ),
      account: c.accountState ? (
        <Badge tone={toneOf.provisioning(c.accountState)}>{t(`accountOptions.${c.accountState}`)}</Badge>
      ) : (
        t("noAccount")
      ),
      plan: !c.plan
        ? t("noPlan")
        : c.plan.kind === "trial"
          ? t("trial", { days: c.plan.daysLeft })
          : c.plan.seats === null
            ? t("subscriptionUnknown")
            : t("subscription", { seats: c.plan.seats }),
      operators: t("operatorsCount", { active: c.operatorsActive, total: c.operatorsTotal }),
      members: t("members", { count: c.members }),
      lastActivity: c.lastActivityAt ? format.relativeTime(notAfter(c.lastActivityAt, now), now) : t("never"),
      status: c.suspendedAt ? (
        <Badge tone="danger">{t("suspendedBadge")}</Badge>
      ) : (
        <Badge tone="neutral">{t("active")}</Badge>
      ),
    },
  }));

  const select = (name: "onboarding" | "account" | "plan" | "suspended", options: readonly string[]) => (
    <SelectField name={name} label={t(name)} defaultValue={filters[name] ?? ""}>
      <option value="">{t("any")}</option>
      {options.map((o) => (
        <option key={o} value={o}>
          {t(`${name}Options.${o}` as Parameters<typeof t>[0])}
        </option>
      ))}
    </SelectField>
  );

  return (
    <section className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("subtitle")} />
      <FilterPanel label={t("filters")} activeSummary={active ? t("activeFilters", { count: active }) : undefined}>
        <form method="get" action="/admin/customers" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <TextField name="q" type="search" label={t("search")} hint={t("searchHint")} defaultValue={filters.q ?? ""} />
          {select("onboarding", CUSTOMER_ONBOARDING_FILTERS)}
          {select("account", CUSTOMER_ACCOUNT_FILTERS)}
          {select("plan", ["trial", "subscription"])}
          {select("suspended", ["no", "yes"])}
          <SelectField name="sort" label={t("sort")} defaultValue={filters.sort ?? "created_desc"}>
            {CUSTOMER_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`sortOptions.${s}`)}
              </option>
            ))}
          </SelectField>
          <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-3">
            <Button type="submit">{t("apply")}</Button>
            {active > 0 && (
              <Link href="/admin/customers" className="text-sm font-semibold text-brand-800 underline">
                {t("clear")}
              </Link>
            )}
          </div>
        </form>
      </FilterPanel>
      <CellsTable
        caption={t("table")}
        minWidth="sm:min-w-[64rem]"
        columns={[
          { key: "name", header: t("columns.name"), primary: true },
          { key: "created", header: t("columns.created") },
          { key: "onboarding", header: t("columns.onboarding") },
          { key: "account", header: t("columns.account") },
          { key: "plan", header: t("columns.plan") },
          { key: "operators", header: t("columns.operators") },
          { key: "members", header: t("columns.members") },
          { key: "lastActivity", header: t("columns.lastActivity") },
          { key: "status", header: t("columns.status") },
        ]}
        rows={rows}
        empty={t("empty")}
      />
      <nav className="flex flex-wrap gap-4 text-sm font-semibold" aria-label={t("table")}>
        {filters.cursor && (
          <Link href={hrefWith(filters)} className="text-brand-800 underline">
            {t("first")}
          </Link>
        )}
        {nextCursor && (
          <Link href={hrefWith(filters, nextCursor)} className="text-brand-800 underline" rel="next">
            {t("next")}
          </Link>
        )}
      </nav>
    </section>
  );
}
