"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FilterActions } from "@/components/ui/filter-actions";
import { FilterPanel } from "@/components/ui/filter-panel";
import { SelectField } from "@/components/ui/select-field";
import { Table } from "@/components/ui/table";
import { TextField } from "@/components/ui/text-field";
import { useTRPC } from "@/lib/trpc/react";
import { useUrlFilters } from "@/lib/use-url-filters";
import { AttendanceDrawer } from "./attendance-drawer";
import { attendanceFiltersToParams, parseAttendanceFilters, withoutCursor } from "./filters";
import { LiveIndicator } from "./live-indicator";
import { AttendanceTiles } from "./tiles";
import { useDuration } from "./use-duration";

/** How often the first page asks for new attendances (the issue asks for under 5 s). */
const LIVE_INTERVAL_MS = 3_000;

export function AttendancesView() {
  const t = useTranslations("attendances");
  const tc = useTranslations("team.common");
  const format = useFormatter();
  const duration = useDuration();
  const trpc = useTRPC();
  const { filters, go, clear, onSubmit, formKey } = useUrlFilters(parseAttendanceFilters, attendanceFiltersToParams, [
    "q",
    "from",
    "to",
    "department",
    "operator",
    "status",
    "rating",
  ]);
  // Only the first page follows new arrivals: an older page stays still while it is read.
  const live = !filters.cursor;
  const { data, isFetching, isError } = useQuery({
    ...trpc.attendances.list.queryOptions(filters),
    placeholderData: keepPreviousData,
    refetchInterval: live ? LIVE_INTERVAL_MS : false,
    refetchIntervalInBackground: false,
  });
  const options = useQuery({ ...trpc.attendances.options.queryOptions(), refetchInterval: live ? 30_000 : false });
  const [openId, setOpenId] = useState<string | null>(null);

  const activeFilters = Object.keys(filters).filter((k) => k !== "cursor").length;
  const filtered = activeFilters > 0;
  const tileFilters = withoutCursor(filters);

  return (
    <div className="flex flex-col gap-4">
      <AttendanceTiles filters={tileFilters} live={live} />
      <FilterPanel
        label={t("filters")}
        activeSummary={activeFilters > 0 ? tc("filtersInUse", { count: activeFilters }) : undefined}
      >
        <form
          key={formKey}
          onSubmit={onSubmit}
          role="search"
          aria-label={t("filters")}
          className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
        >
          <TextField
            label={t("search")}
            name="q"
            type="search"
            placeholder={t("searchHint")}
            defaultValue={filters.q ?? ""}
            maxLength={100}
            className="sm:col-span-2"
          />
          <TextField label={t("from")} type="date" name="from" defaultValue={filters.from ?? ""} />
          <TextField label={t("to")} type="date" name="to" defaultValue={filters.to ?? ""} />
          <SelectField label={t("department")} name="department" defaultValue={filters.department ?? ""}>
            <option value="">{t("all")}</option>
            {options.data?.departments.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </SelectField>
          <SelectField label={t("operator")} name="operator" defaultValue={filters.operator ?? ""}>
            <option value="">{t("all")}</option>
            {options.data?.operators.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </SelectField>
          <SelectField label={t("status")} name="status" defaultValue={filters.status ?? ""}>
            <option value="">{t("all")}</option>
            <option value="open">{t("statuses.open")}</option>
            <option value="finished">{t("statuses.finished")}</option>
          </SelectField>
          <SelectField label={t("rating")} name="rating" defaultValue={filters.rating ? String(filters.rating) : ""}>
            <option value="">{t("all")}</option>
            {[5, 4, 3, 2, 1].map((r) => (
              <option key={r} value={r}>
                {t("ratingOption", { rating: r })}
              </option>
            ))}
          </SelectField>
          <FilterActions
            applyLabel={t("apply")}
            clearLabel={t("clear")}
            onClear={clear}
            className="sm:col-span-2 lg:col-span-4 lg:justify-end"
          />
        </form>
      </FilterPanel>

      <div className="flex flex-wrap items-center justify-between gap-3">
        <LiveIndicator state={isError ? "offline" : live ? "live" : "paused"} />
        {data?.phonesMasked && <p className="text-sm text-slate-600">{t("maskedNote")}</p>}
      </div>

      <Table
        caption={t("table")}
        minWidth="sm:min-w-[60rem]"
        busy={isFetching && !live}
        rows={data?.items ?? []}
        rowKey={(a) => a.id}
        rowProps={() => ({ "data-testid": "attendance-row" })}
        empty={data ? (filtered ? t("emptyFiltered") : t("empty")) : undefined}
        columns={[
          {
            key: "customer",
            header: t("customer"),
            primary: true,
            cell: (a) => (
              <button
                type="button"
                onClick={() => setOpenId(a.id)}
                className="text-left font-medium text-brand-800 underline-offset-2 hover:underline"
                aria-label={`${a.customerName ?? t("unknown")} · ${t("details")}`}
              >
                {a.customerName ?? t("unknown")}
              </button>
            ),
          },
          {
            key: "phone",
            header: t("phone"),
            className: "sm:whitespace-nowrap",
            cell: (a) => <span data-testid="attendance-phone">{a.phone ?? t("unknown")}</span>,
          },
          { key: "department", header: t("department"), cell: (a) => a.department ?? t("unknown") },
          { key: "operator", header: t("operator"), cell: (a) => a.operator ?? t("unknown") },
          {
            key: "status",
            header: t("status"),
            cell: (a) => <Badge tone={a.status === "open" ? "info" : "neutral"}>{t(`statuses.${a.status}`)}</Badge>,
          },
          {
            key: "rating",
            header: t("rating"),
            className: "sm:whitespace-nowrap",
            cell: (a) => (a.rating === null ? t("noRating") : t("ratingValue", { rating: a.rating })),
          },
          {
            key: "started",
            header: t("started"),
            className: "sm:whitespace-nowrap",
            cell: (a) => format.dateTime(a.startedAt, { dateStyle: "short", timeStyle: "short" }),
          },
          {
            key: "finished",
            header: t("finished"),
            className: "sm:whitespace-nowrap",
            cell: (a) => (a.finishedAt ? format.dateTime(a.finishedAt, { timeStyle: "short" }) : t("unknown")),
          },
          {
            key: "duration",
            header: t("duration"),
            className: "sm:whitespace-nowrap",
            cell: (a) => (a.durationMs === null ? t("unknown") : duration(a.durationMs)),
          },
        ]}
      />
      {(filters.cursor || data?.nextCursor) && (
        <nav aria-label={t("table")} className="flex flex-wrap justify-end gap-3">
          <Button
            type="button"
            variant="secondary"
            className="px-3 py-1.5 disabled:opacity-50"
            disabled={!filters.cursor}
            onClick={() => go({ ...filters, cursor: undefined })}
          >
            {t("newer")}
          </Button>
          <Button
            type="button"
            variant="secondary"
            className="px-3 py-1.5 disabled:opacity-50"
            disabled={!data?.nextCursor}
            onClick={() => data?.nextCursor && go({ ...filters, cursor: data.nextCursor })}
          >
            {t("older")}
          </Button>
        </nav>
      )}
      <AttendanceDrawer id={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
