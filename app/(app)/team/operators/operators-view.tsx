"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useDeferredValue, useState } from "react";
import { toast } from "@/components/ui/toast";
import { Alert } from "@/components/ui/alert";
import { Badge, toneOf } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FilterPanel } from "@/components/ui/filter-panel";
import { SelectField } from "@/components/ui/select-field";
import { RowAction, RowActions, Table } from "@/components/ui/table";
import { preloadOn } from "@/components/ui/lazy";
import { TextField } from "@/components/ui/text-field";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";
import { roleFor, roleLabel } from "@/lib/role-codes";
import { refetchWhileSettling } from "@/lib/operators/settling";
import type { AppRouter } from "@/server/api/root";
import type { TeamAccess } from "../access";
import { Pagination } from "../pagination";
import { DEFAULT_OPERATOR_FILTERS, type OperatorFilters } from "./filters";
import { OperatorDialog, OperatorForm, type Capabilities } from "./operator-dialog";

export type OperatorRow = inferRouterOutputs<AppRouter>["operators"]["page"]["items"][number];
type SortChoice = "name-asc" | "name-desc" | "createdAt-desc" | "createdAt-asc";

/** The operators table; its columns and filters follow the provider's capabilities (departments / admin flag vs e-mail / role). */
export function OperatorsView({
  access: { canManage, member },
  capabilities,
  roleCodes,
}: {
  access: TeamAccess;
  capabilities: Capabilities;
  roleCodes: readonly string[];
}) {
  const t = useTranslations("team.operators");
  const tc = useTranslations("team.common");
  const errors = useErrorMessage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<OperatorFilters>(DEFAULT_OPERATOR_FILTERS);
  const [searchText, setSearchText] = useState("");
  const search = useDeferredValue(searchText.trim());
  const input = { ...filters, search };
  // Rows still being created or confirmed are read again until they settle (no manual reload).
  const pageQuery = useQuery({
    ...trpc.operators.page.queryOptions(input),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => refetchWhileSettling(query.state.data?.items),
  });
  const departments = useQuery({ ...trpc.departments.list.queryOptions(), enabled: capabilities.departments });
  const byEmail = capabilities.operatorEmail;
  const roles = capabilities.operatorRoles;
  const [editing, setEditing] = useState<OperatorRow | "new" | null>(null);

  const pageKey = trpc.operators.page.queryKey(input);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.operators.page.queryKey() });
  const update = (patch: Partial<OperatorFilters>) => setFilters((f) => ({ ...f, page: 1, ...patch }));
  // Why a row is not in sync yet, in words: the provider's own reason when it refused.
  const stateNote = (o: { state: string; lastError: { reason?: string } | null }) => {
    if (o.state === "pending") return t("pending");
    if (o.state === "uncertain") return t("uncertainNote");
    return o.lastError?.reason ? t("failedReason", { reason: o.lastError.reason }) : t("needsAttention");
  };
  const departmentName = (id: string) => {
    const d = departments.data?.items.find((x) => x.id === id);
    return d && (d.active ? d.name : t("departmentInactive", { name: d.name }));
  };
  const roleOf = (o: OperatorRow) => roleLabel(o.roleCode ?? roleFor(o.isAdmin, roleCodes), t);

  // Optimistic (de)activation: the row flips at once; a refusal flips it back with a toast.
  const setActive = useMutation(
    trpc.operators.update.mutationOptions({
      onMutate: async (vars) => {
        await queryClient.cancelQueries({ queryKey: pageKey });
        const previous = queryClient.getQueryData(pageKey);
        queryClient.setQueryData(pageKey, (old) =>
          old
            ? {
                ...old,
                items: old.items.map((o) => (o.id === vars.id ? { ...o, active: vars.active ?? o.active } : o)),
              }
            : old,
        );
        return { previous };
      },
      onError: (error, _vars, context) => {
        if (context?.previous) queryClient.setQueryData(pageKey, context.previous);
        const data = errorDataOf(error);
        toast.error(data.appError?.code === "CONFLICT" ? t("conflict") : errors.message(data));
      },
      onSuccess: (row) => {
        // The row's new version at once: a second click before the refetch would otherwise send the old one (409).
        queryClient.setQueryData(pageKey, (old) =>
          old
            ? {
                ...old,
                items: old.items.map((o) => (o.id === row.id ? { ...o, active: row.active, version: row.version } : o)),
              }
            : old,
        );
        toast.success(row.active ? t("reactivated", { name: row.name }) : t("deactivated", { name: row.name }));
      },
      onSettled: refresh,
    }),
  );

  const sortValue: SortChoice = `${filters.sort}-${filters.dir}`;
  // The ones that narrow the list (order and page size do not).
  const activeFilters = [
    search !== "",
    filters.status !== DEFAULT_OPERATOR_FILTERS.status,
    filters.departmentId !== undefined,
    filters.admin !== DEFAULT_OPERATOR_FILTERS.admin,
    filters.role !== DEFAULT_OPERATOR_FILTERS.role,
  ].filter(Boolean).length;
  const data = pageQuery.data;

  return (
    <div className="flex flex-col gap-4">
      <Alert tone="info">{t("noDelete")}</Alert>
      {member && <Alert tone="info">{t("readOnly")}</Alert>}
      <FilterPanel
        label={tc("filters")}
        activeSummary={activeFilters > 0 ? tc("filtersInUse", { count: activeFilters }) : undefined}
        className={`grid gap-3 sm:grid-cols-2 ${capabilities.departments ? "lg:grid-cols-[1fr_9rem_12rem_9rem_10rem_6rem]" : "lg:grid-cols-[1fr_9rem_11rem_10rem_6rem]"}`}
      >
        <TextField
          label={byEmail ? t("searchEmail") : t("search")}
          type="search"
          value={searchText}
          onChange={(e) => {
            setSearchText(e.target.value);
            setFilters((f) => ({ ...f, page: 1 }));
          }}
        />
        <SelectField
          label={t("status")}
          value={filters.status}
          onChange={(e) => update({ status: e.target.value as OperatorFilters["status"] })}
        >
          <option value="all">{t("statusAll")}</option>
          <option value="active">{t("statusActive")}</option>
          <option value="inactive">{t("statusInactive")}</option>
        </SelectField>
        {capabilities.departments && (
          <SelectField
            label={t("department")}
            value={filters.departmentId ?? ""}
            onChange={(e) => update({ departmentId: e.target.value || undefined })}
          >
            <option value="">{t("departmentAll")}</option>
            {departments.data?.items.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </SelectField>
        )}
        {roles ? (
          <SelectField
            label={t("role")}
            value={filters.role}
            onChange={(e) => update({ role: e.target.value as OperatorFilters["role"] })}
          >
            <option value="all">{t("roleAll")}</option>
            {roleCodes.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r, t)}
              </option>
            ))}
          </SelectField>
        ) : (
          <SelectField
            label={t("admin")}
            value={filters.admin}
            onChange={(e) => update({ admin: e.target.value as OperatorFilters["admin"] })}
          >
            <option value="all">{t("adminAll")}</option>
            <option value="yes">{t("adminYes")}</option>
            <option value="no">{t("adminNo")}</option>
          </SelectField>
        )}
        <SelectField
          label={t("sort")}
          value={sortValue}
          onChange={(e) => {
            const [sort, dir] = e.target.value.split("-") as [OperatorFilters["sort"], OperatorFilters["dir"]];
            update({ sort, dir });
          }}
        >
          <option value="name-asc">{t("sortNameAsc")}</option>
          <option value="name-desc">{t("sortNameDesc")}</option>
          <option value="createdAt-desc">{t("sortNewest")}</option>
          <option value="createdAt-asc">{t("sortOldest")}</option>
        </SelectField>
        <SelectField
          label={t("pageSize")}
          value={String(filters.pageSize)}
          onChange={(e) => update({ pageSize: Number(e.target.value) as OperatorFilters["pageSize"] })}
        >
          <option value="25">25</option>
          <option value="50">50</option>
          <option value="100">100</option>
        </SelectField>
      </FilterPanel>
      {canManage && (
        <div>
          <Button type="button" onClick={() => setEditing("new")} {...preloadOn(OperatorForm)}>
            {t("new")}
          </Button>
        </div>
      )}
      <Table
        caption={t("table")}
        minWidth="sm:min-w-[50rem]"
        busy={pageQuery.isFetching}
        rows={data?.items ?? []}
        rowKey={(o) => o.id}
        rowProps={(o) => ({ "data-testid": "operator-row", className: o.active ? undefined : "bg-slate-50" })}
        empty={data ? t("empty") : undefined}
        columns={[
          {
            key: "name",
            header: t("name"),
            primary: true,
            cell: (o) => (
              <>
                <div className="font-medium text-slate-900">{o.name}</div>
                {o.login && <div className="text-xs text-slate-600">{o.login}</div>}
                {o.state !== "synced" && (
                  <div className="max-w-xs text-xs font-medium text-warning-700">{stateNote(o)}</div>
                )}
              </>
            ),
          },
          byEmail && { key: "email", header: t("email"), cell: (o) => o.email ?? t("none") },
          capabilities.departments && {
            key: "departments",
            header: t("departments"),
            cell: (o) => o.departmentIds.map(departmentName).filter(Boolean).join(", ") || t("none"),
          },
          {
            key: "role",
            header: roles ? t("role") : t("isAdmin"),
            cell: (o) => (
              <>
                {roles ? roleOf(o) : o.isAdmin ? t("yes") : t("no")}
                {o.onlyAssignedConversations && <div className="text-xs text-slate-600">{t("onlyAssignedBadge")}</div>}
              </>
            ),
          },
          {
            key: "state",
            header: t("state"),
            cell: (o) => <Badge tone={toneOf.active(o.active)}>{o.active ? t("active") : t("inactive")}</Badge>,
          },
          { key: "person", header: t("person"), cell: (o) => o.linkedUserName ?? t("none") },
          canManage && {
            key: "actions",
            header: t("actions"),
            actions: true,
            cell: (o) => (
              <RowActions>
                <RowAction context={o.name} onClick={() => setEditing(o)} {...preloadOn(OperatorForm)}>
                  {t("edit")}
                </RowAction>
                <RowAction
                  danger={o.active}
                  context={o.name}
                  busy={setActive.isPending && setActive.variables?.id === o.id}
                  onClick={() => setActive.mutate({ id: o.id, version: o.version, active: !o.active })}
                >
                  {o.active ? t("deactivate") : t("reactivate")}
                </RowAction>
              </RowActions>
            ),
          },
        ]}
      />
      {data && (
        <Pagination
          page={data.page}
          pageSize={data.pageSize}
          total={data.total}
          onPage={(page) => setFilters((f) => ({ ...f, page }))}
        />
      )}
      {editing && (
        <OperatorDialog
          operator={editing === "new" ? null : editing}
          departments={departments.data?.items.filter((d) => d.state === "synced") ?? []}
          capabilities={capabilities}
          roleCodes={roleCodes}
          onClose={() => setEditing(null)}
          onSaved={refresh}
        />
      )}
    </div>
  );
}
