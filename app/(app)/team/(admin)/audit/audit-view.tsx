"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { Badge, toneOf } from "@/components/ui/badge";
import { FilterActions } from "@/components/ui/filter-actions";
import { FilterPanel } from "@/components/ui/filter-panel";
import { SelectField } from "@/components/ui/select-field";
import { Table } from "@/components/ui/table";
import { TextField } from "@/components/ui/text-field";
import { useTRPC } from "@/lib/trpc/react";
import { useUrlFilters } from "@/lib/use-url-filters";
import { Pagination } from "../../pagination";
import { auditMessageKey, describeAuditEntry } from "@/lib/audit/describe";
import type { AuditDescription, AuditTranslator } from "@/lib/audit/describe";
import { auditFiltersToParams, parseAuditFilters } from "./filters";

function useAuditTranslator(): AuditTranslator {
  const t = useTranslations("team");
  return {
    t: (key, values) => t(key as never, values as never),
    has: (key) => t.has(key as never),
  };
}

/** One entry: the sentence, then what changed (before → after) and why an attempt failed. */
function AuditEntrySentence({ description }: { description: AuditDescription }) {
  const t = useTranslations("team.audit");
  return (
    <div className="flex flex-col gap-1">
      <p className="break-words text-slate-900">{description.sentence}</p>
      {description.changes.length > 0 && (
        <ul aria-label={t("changesLabel")} className="flex flex-col gap-0.5 text-sm text-slate-700">
          {description.changes.map((c) => (
            <li key={c.field} className="break-words" data-testid="audit-change">
              {t("changeLine", { field: c.field, from: c.from, to: c.to })}
            </li>
          ))}
        </ul>
      )}
      {description.reason && <p className="text-sm text-slate-600">{description.reason}</p>}
    </div>
  );
}

export function AuditView() {
  const t = useTranslations("team.audit");
  const tc = useTranslations("team.common");
  const format = useFormatter();
  const trpc = useTRPC();
  const { filters, go, clear, onSubmit, formKey } = useUrlFilters(parseAuditFilters, auditFiltersToParams, [
    "action",
    "result",
    "from",
    "to",
    "size",
  ]);
  const { data, isFetching } = useQuery({
    ...trpc.audit.list.queryOptions(filters),
    placeholderData: keepPreviousData,
  });
  const actions = useQuery(trpc.audit.actions.queryOptions());

  const activeFilters = [filters.action, filters.result, filters.from, filters.to].filter(Boolean).length;
  const translator = useAuditTranslator();
  // An action without a label of its own is offered under a generic one, never by its code.
  const actionLabel = (action: string) => {
    const key = `actions.${auditMessageKey(action)}`;
    return t.has(key as never) ? t(key as never) : t("otherAction");
  };

  return (
    <div className="flex flex-col gap-4">
      <FilterPanel
        label={tc("filters")}
        activeSummary={activeFilters > 0 ? tc("filtersInUse", { count: activeFilters }) : undefined}
      >
        <form
          key={formKey}
          onSubmit={onSubmit}
          aria-label={tc("filters")}
          className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_10rem_10rem_10rem_8rem_auto]"
        >
          <SelectField label={t("filterAction")} name="action" defaultValue={filters.action ?? ""}>
            <option value="">{tc("all")}</option>
            {actions.data?.map((a) => (
              <option key={a} value={a}>
                {actionLabel(a)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t("filterResult")} name="result" defaultValue={filters.result ?? ""}>
            <option value="">{tc("all")}</option>
            <option value="success">{t("results.success")}</option>
            <option value="failure">{t("results.failure")}</option>
            <option value="uncertain">{t("results.uncertain")}</option>
          </SelectField>
          <TextField label={t("from")} type="date" name="from" defaultValue={filters.from ?? ""} />
          <TextField label={t("to")} type="date" name="to" defaultValue={filters.to ?? ""} />
          <SelectField label={t("pageSize")} name="size" defaultValue={String(filters.pageSize)}>
            <option value="25">25</option>
            <option value="50">50</option>
            <option value="100">100</option>
          </SelectField>
          <FilterActions applyLabel={t("apply")} clearLabel={t("clear")} onClear={clear} />
        </form>
      </FilterPanel>

      <Table
        caption={t("table")}
        minWidth="sm:min-w-[40rem]"
        busy={isFetching}
        rows={data?.items ?? []}
        rowKey={(e) => e.id}
        rowProps={() => ({ "data-testid": "audit-row" })}
        empty={data ? t("empty") : undefined}
        columns={[
          {
            key: "when",
            header: t("when"),
            className: "sm:whitespace-nowrap sm:w-40",
            cell: (e) => (
              <time dateTime={new Date(e.createdAt).toISOString()}>
                {format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "short" })}
              </time>
            ),
          },
          {
            key: "what",
            header: t("what"),
            primary: true,
            cell: (e) => <AuditEntrySentence description={describeAuditEntry(translator, e)} />,
          },
          {
            key: "result",
            header: t("result"),
            className: "sm:w-28",
            cell: (e) => <Badge tone={toneOf.result(e.result)}>{t(`results.${e.result}`)}</Badge>,
          },
        ]}
      />
      {data && (
        <Pagination
          page={data.page}
          pageSize={data.pageSize}
          total={data.total}
          onPage={(page) => go({ ...filters, page })}
        />
      )}
    </div>
  );
}
