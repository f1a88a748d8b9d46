"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { useTRPC } from "@/lib/trpc/react";
import { Pagination } from "../../pagination";
import { auditFiltersToParams, parseAuditFilters, type AuditFilters } from "./filters";

const RESULT_STYLE = {
  success: "bg-brand-50 text-brand-800",
  failure: "bg-danger-50 text-danger-700",
  uncertain: "bg-warning-50 text-warning-700",
} as const;

export function AuditView() {
  const t = useTranslations("team.audit");
  const tc = useTranslations("team.common");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = parseAuditFilters(new URLSearchParams(searchParams.toString()));
  const { data, isFetching } = useQuery({
    ...trpc.audit.list.queryOptions(filters),
    placeholderData: keepPreviousData,
  });
  const actions = useQuery(trpc.audit.actions.queryOptions());

  const go = (next: AuditFilters) => {
    const qs = auditFiltersToParams(next).toString();
    router.push(qs ? `${pathname}?${qs}` : pathname);
  };
  // Message keys cannot contain dots: "operator.create" is stored as "operator_create".
  const actionLabel = (action: string) => {
    const key = `actions.${action.replace(/\./g, "_")}`;
    return t.has(key as never) ? t(key as never) : action;
  };

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (k: string) => {
      const v = form.get(k);
      return typeof v === "string" ? v : "";
    };
    go(
      parseAuditFilters(
        new URLSearchParams({
          action: text("action"),
          result: text("result"),
          from: text("from"),
          to: text("to"),
          size: text("size"),
        }),
      ),
    );
  };

  return (
    <div className="flex flex-col gap-4">
      <form
        key={searchParams.toString()}
        onSubmit={onSubmit}
        aria-label={tc("filters")}
        className="grid gap-3 rounded-card border border-slate-200 bg-white p-4 shadow-card sm:grid-cols-2 lg:grid-cols-[1fr_10rem_10rem_10rem_8rem_auto]"
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
        <div className="flex items-end gap-2">
          <Button type="submit">{t("apply")}</Button>
          <Button type="button" variant="ghost" onClick={() => router.push(pathname)}>
            {t("clear")}
          </Button>
        </div>
      </form>

      <div
        className="overflow-x-auto rounded-card border border-slate-200 bg-white shadow-card"
        aria-busy={isFetching || undefined}
      >
        <table className="w-full min-w-[48rem] text-left text-sm">
          <caption className="sr-only">{t("table")}</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-3 font-semibold">
                {t("when")}
              </th>
              <th scope="col" className="px-4 py-3 font-semibold">
                {t("who")}
              </th>
              <th scope="col" className="px-4 py-3 font-semibold">
                {t("action")}
              </th>
              <th scope="col" className="px-4 py-3 font-semibold">
                {t("result")}
              </th>
              <th scope="col" className="px-4 py-3 font-semibold">
                {t("details")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {data?.items.map((e) => (
              <tr key={e.id} data-testid="audit-row">
                <td className="whitespace-nowrap px-4 py-3 text-slate-800">
                  {format.dateTime(e.createdAt, { dateStyle: "short", timeStyle: "medium" })}
                </td>
                <td className="px-4 py-3 text-slate-800">{e.actorName ?? t("system")}</td>
                <td className="px-4 py-3 text-slate-900">
                  <div className="font-medium">{actionLabel(e.action)}</div>
                  <div className="font-mono text-xs text-slate-600">{e.action}</div>
                </td>
                <td className="px-4 py-3">
                  <span
                    className={`inline-flex rounded-full px-2.5 py-1 text-xs font-semibold ${RESULT_STYLE[e.result]}`}
                  >
                    {t(`results.${e.result}`)}
                  </span>
                </td>
                <td className="max-w-xs px-4 py-3">
                  {e.details && (
                    <code className="block truncate text-xs text-slate-700" title={JSON.stringify(e.details)}>
                      {JSON.stringify(e.details)}
                    </code>
                  )}
                </td>
              </tr>
            ))}
            {data && data.items.length === 0 && (
              <tr>
                <td colSpan={5} className="px-4 py-8 text-center text-slate-600">
                  {t("empty")}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
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
